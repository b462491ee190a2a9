#pragma once
// The typed, validated configuration of one HelioCloud instance (instance/default.yaml merged with
// instance/<name>.yaml). Stacks read only this; no stack reads YAML.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace heliocloud::config {

struct EnvConfig {
  std::optional<std::string> account;  // 12 digits
  std::optional<std::string> region;
};

enum class VpcType { New, Existing, Default };

struct VpcConfig {
  VpcType type = VpcType::New;
  std::optional<std::string> vpc_id;  // only for Existing
};

struct UserSharedBucketConfig {
  bool destroy_on_removal = false;
};

struct EmailConfig {
  bool use_custom_email_domain = false;
  std::string user = "no-reply";
  std::string from_name = "APL HelioCloud";
};

enum class RemovalPolicyName { Retain, Destroy, Snapshot };

struct AuthConfig {
  std::string domain_prefix = "apl-helio";
  RemovalPolicyName removal_policy = RemovalPolicyName::Retain;
  bool deletion_protection = true;
};

struct EnabledConfig {
  bool registry = false;
  bool portal = false;
  bool daskhub = false;
  bool registration_page = false;
  bool daskhub_metrics = false;
};

struct CatalogConfig {
  std::string name;
  std::string contact;
  std::string description;
};

struct RegistryConfig {
  std::vector<std::string> dataset_bucket_names;
  std::optional<std::string> ingest_bucket_name;
  bool requester_pays = true;
  CatalogConfig catalog;
  bool destroy_on_removal = false;
  // Set in the file but meaningless for our Registry (the original's DocumentDB user, Python layers).
  std::vector<std::string> ignored_keys;
};

// The portal and the registration page are both a web site behind a load balancer on the instance's domain.
struct WebsiteConfig {
  std::optional<std::string> domain_url;     // e.g. "example.org" (the hosted zone)
  std::optional<std::string> domain_record;  // e.g. "portal" -> https://portal.example.org
  std::optional<std::string> certificate_arn;
  // Requests per 5 minutes one client address may make before the site's web ACL blocks it for a while.
  long long rate_limit = 100;
  std::map<std::string, std::string> docker_build_args;
};

// portal.machines: who may reach the machines users launch from the portal (their security group).
struct PortalMachinesConfig {
  std::vector<std::string> ingress_cidrs = {"0.0.0.0/0"};  // IPv4 networks
  std::vector<std::string> ingress_ports = {"22"};         // TCP ports; SSH only by default
};

// An IAM user or role given access to the EKS cluster (eksctl iamIdentityMappings).
struct IamIdentityMapping {
  std::string arn;                      // arn:aws:iam::<account>:role/<name> or :user/<name>
  std::vector<std::string> groups;      // Kubernetes RBAC groups, e.g. system:masters
  std::optional<std::string> username;  // Kubernetes user name; eksctl derives one when absent
};

// daskhub.eksctl: the EKS cluster eksctl builds from the admin host.
struct EksctlConfig {
  std::string cluster_name = "eks-helio";
  std::string region;                           // daskhub.eksctl.metadata.region, else env.region
  std::vector<std::string> availability_zones;  // empty: eksctl chooses
  std::vector<IamIdentityMapping> iam_identity_mappings;
};

// A JupyterHub notebook image (daskhub.daskhub.<NAME>_DOCKER_LOCATION / _VERSION).
struct NotebookImage {
  std::string location;  // registry/repository, e.g. public.ecr.aws/q3h7b4o8/heliocloud/helio-daskhub-core
  std::string version;   // the tag

  std::string reference() const { return location + ":" + version; }
};

// daskhub.daskhub: JupyterHub and Dask on the cluster.
struct HubConfig {
  std::string kubernetes_namespace = "daskhub";
  std::vector<std::string> admin_users;   // JupyterHub admins (Cognito user names)
  std::string contact_email;              // Let's Encrypt contact; required when Daskhub is enabled
  std::string domain_url;                 // hosted zone, e.g. example.org; required when Daskhub is enabled
  std::string domain_record = "daskhub";  // -> https://daskhub.example.org
  NotebookImage generic_image;
  NotebookImage ml_tensorflow_image;  // MLTF_DOCKER_*
  NotebookImage ml_pytorch_image;     // MLTRCH_DOCKER_*

  std::string host_name() const { return domain_record + "." + domain_url; }
};

// daskhub.monitoring: Kubecost (with its Prometheus and Grafana) behind Cognito; used when
// enabled.daskhub_metrics.
struct MonitoringConfig {
  std::string grafana_domain_prefix;          // Grafana host name in daskhub.daskhub.domain_url
  std::string cost_analyzer_domain_prefix;    // Kubecost host name in daskhub.daskhub.domain_url
  std::string load_balancer_certificate_arn;  // AWS_LOAD_BALANCER_SSL_CERT: ACM certificate for both hosts
};

struct DaskhubConfig {
  EksctlConfig eksctl;
  std::string storage_size = "10000Gi";  // daskhub_storage.efs-persist.storage (a Kubernetes quantity)
  HubConfig hub;
  MonitoringConfig monitoring;
};

struct InstanceConfig {
  std::string name;         // the instance name given with -c instance=<name>
  std::string source_file;  // "instance/<name>.yaml"
  EnvConfig env;
  VpcConfig vpc;
  UserSharedBucketConfig user_shared_bucket;
  EmailConfig email;
  AuthConfig auth;
  EnabledConfig enabled;
  RegistryConfig registry;
  WebsiteConfig portal;
  PortalMachinesConfig portal_machines;
  WebsiteConfig registration_page;
  DaskhubConfig daskhub;

  // The Auth stack exists when any module with users is enabled.
  bool needs_auth() const { return enabled.portal || enabled.daskhub || enabled.registration_page; }
  bool needs_identity() const { return needs_auth() && email.use_custom_email_domain; }
};

}  // namespace heliocloud::config
