#include "stacks/daskhub_stack.h"

#include <stdexcept>

#include "aws_constructs/route53_cname_record.h"
#include "base/text.h"
#include "construct/annotations.h"
#include "construct/cfn_output.h"
#include "construct/fn.h"
#include "contracts/daskhub.h"
#include "daskhub/kit_renderer.h"
#include "stacks/auth_stack.h"
#include "stacks/base_stack.h"
#include "stacks/daskhub_admin_host.h"
#include "stacks/daskhub_permissions.h"

namespace heliocloud::stacks {
using construct::Value;
namespace permissions = daskhub_permissions;

namespace {

// Both API tokens are 64 lowercase hex characters (256 bits), the form the original generated at synth
// (secrets.token_hex(32)); here Secrets Manager generates them at deploy time, so no token is ever in a
// template.
aws_constructs::SecretProps api_token(std::string description) {
  return {.description = std::move(description),
          .password_length = 64,
          .exclude_punctuation = true,
          .exclude_uppercase = true,
          // What is left of the lower case letters is a-f; each included kind (digits, letters) appears.
          .exclude_characters = "ghijklmnopqrstuvwxyz"};
}

// The Auth stack's client of `site`, which it creates whenever Daskhub (and, for Kubecost, metrics) is on.
const aws_constructs::UserPoolClient& client(const AuthStack& auth, const std::string& site) {
  const auto* found = auth.client(site);
  if (found == nullptr) throw std::logic_error("the Auth stack has no Cognito client for " + site);
  return *found;
}

void add_all(aws_constructs::Role& role, const std::vector<aws_constructs::PolicyStatement>& statements) {
  for (const auto& s : statements) role.add_to_policy(s);
}

}  // namespace

DaskhubStack::DaskhubStack(construct::Construct& scope, std::string id, const config::InstanceConfig& config,
                           const BaseStack& base, const AuthStack& auth, construct::StackProps props)
    : Stack(scope, std::move(id), std::move(props)) {
  add_dns(config);

  // Deleted with the stack (as the original): KMS keeps a deleted key recoverable for 30 days. Destroy the
  // stack only after 99-delete-daskhub.sh has removed the cluster whose secrets it encrypts.
  key_ = &make<aws_constructs::Key>(
      "Daskhub-key", aws_constructs::KeyProps{.description = "Encrypts the Kubernetes secrets of the " +
                                                             config.name + " Daskhub EKS cluster",
                                              .enable_key_rotation = true,
                                              .removal_policy = construct::RemovalPolicy::Destroy});

  // The users' shared home volume, kept when the stack goes. No mount targets here: eksctl builds the cluster
  // in a VPC of its own (the kit's eksctl/cluster-config.yaml), and an EFS file system has mount targets in
  // one VPC at a time, so 02-deploy-daskhub-storage.sh creates them in the cluster's private subnets (and
  // 99-delete-daskhub.sh removes them). Mount targets made here, in the Base VPC, would be unusable and
  // deleted by the kit behind CloudFormation's back (the original's P25).
  file_system_ = &make<aws_constructs::FileSystem>("DaskhubEFS",
                                                   aws_constructs::FileSystemProps{.mount_targets = false});
  // Built from the id, not GetAtt Arn: the same ARN, and a local emulator (moto) resolves Ref but not this
  // GetAtt.
  file_system_arn_ = construct::fn::join(
      "", {permissions::arn(*this, "elasticfilesystem", "file-system/"), file_system_->file_system_id()});

  hub_api_key_ = &make<aws_constructs::Secret>(
      "HubApiKey",
      api_token("JupyterHub proxy token (proxy.secretToken) of the " + config.name + " Daskhub"));
  gateway_api_key_ = &make<aws_constructs::Secret>(
      "GatewayApiKey", api_token("Dask Gateway API token of the " + config.name + " Daskhub"));

  add_cluster_policies(config);
  add_admin_role(config, base, auth);
  add_admin_host(config, base);
  add_outputs(config, base, auth);
}

void DaskhubStack::add_dns(const config::InstanceConfig& config) {
  const auto& hub = config.daskhub.hub;
  // Route 53 compares record names in lower case without the final dot ("normalized").
  dns_names_ = {base::to_lower(hub.host_name())};
  if (config.enabled.daskhub_metrics) {
    const auto& monitoring = config.daskhub.monitoring;
    dns_names_.push_back(base::to_lower(monitoring.cost_analyzer_domain_prefix + "." + hub.domain_url));
    dns_names_.push_back(base::to_lower(monitoring.grafana_domain_prefix + "." + hub.domain_url));
  }
  if (is_env_specific())
    zone_ = &make<aws_constructs::LookedUpHostedZone>("HostedZone", hub.domain_url);
  else
    construct::annotations::add_warning(
        *this,
        "the stack has no account and region, so the hosted zone of " + hub.domain_url +
            " is not looked up: the hub's record names the zone (CloudFormation finds it at deploy) and "
            "the Daskhub's DNS permissions allow its record names in any zone instead of that one; set "
            "env.account and env.region (or run the CDK CLI with credentials) to narrow them");
  // A placeholder until external-dns points it at the hub's load balancer (as the original). The stack owns
  // it: 99-delete-daskhub.sh sets it back to this value so that deleting the stack deletes it.
  make<aws_constructs::CnameRecord>(
      "CnameRecord", aws_constructs::CnameRecordProps{.zone = zone_,
                                                      .zone_name = hub.domain_url,
                                                      .record_name = hub.domain_record,
                                                      .domain_name = "0.0.0.0",
                                                      .ttl_seconds = 300,
                                                      .comment = "Initial provisioning from CDK, updated via "
                                                                 "external-dns.",
                                                      .removal_policy = construct::RemovalPolicy::Destroy});
}

Value DaskhubStack::zone_arn() const {
  return permissions::arn(*this, "route53",
                          "hostedzone/" + (zone_ != nullptr ? zone_->hosted_zone_id() : "*"), false, false);
}

void DaskhubStack::add_cluster_policies(const config::InstanceConfig& config) {
  const std::string& cluster = config.daskhub.eksctl.cluster_name;
  // The construct ids are the original's, so the policies keep their logical ids on an update.
  external_dns_policy_ = &make<aws_constructs::ManagedPolicy>(
      "AllowExternalDNSUpdates",
      aws_constructs::ManagedPolicyProps{.description = "external-dns of the " + config.name +
                                                        " Daskhub: its CNAME records, created or updated",
                                         .statements = permissions::external_dns(zone_arn(), dns_names_)});
  autoscaler_policy_ = &make<aws_constructs::ManagedPolicy>(
      "K8AutoScalingManagedPolicy",
      aws_constructs::ManagedPolicyProps{
          .description = "cluster-autoscaler of EKS cluster " + cluster + ": scales its node groups",
          .statements = permissions::cluster_autoscaler(*this, cluster)});
  efs_mount_policy_ = &make<aws_constructs::ManagedPolicy>(
      "EfsMountManagedPolicy",
      aws_constructs::ManagedPolicyProps{
          .description = "Mount targets of the " + config.name + " Daskhub's shared volume",
          .statements = permissions::efs_mount(*this, cluster, file_system_arn_)});
}

void DaskhubStack::add_admin_role(const config::InstanceConfig& config, const BaseStack& base,
                                  const AuthStack& auth) {
  const std::string& cluster = config.daskhub.eksctl.cluster_name;
  auto& eksctl_cluster = make<aws_constructs::ManagedPolicy>(
      "AdminEksctlClusterPolicy",
      aws_constructs::ManagedPolicyProps{.description = "eksctl on the " + config.name +
                                                        " Daskhub admin host: EKS cluster " + cluster +
                                                        ", its stacks, roles and OIDC provider",
                                         .statements = permissions::eksctl_cluster(*this, cluster)});
  auto& eksctl_network = make<aws_constructs::ManagedPolicy>(
      "AdminEksctlNetworkPolicy", aws_constructs::ManagedPolicyProps{
                                      .description = "eksctl on the " + config.name +
                                                     " Daskhub admin host: the cluster's VPC and node groups",
                                      .statements = permissions::eksctl_network(*this, cluster)});
  // Assumed by EC2 only (the original also trusted the account root, so any principal allowed to assume roles
  // became an administrator, P13), and without AdministratorAccess: what the kit does, and no more.
  admin_role_ = &make<aws_constructs::Role>(
      "EC2AdminRole",
      aws_constructs::RoleProps{
          .assumed_by = "ec2.amazonaws.com",
          .managed_policy_arns = {
              // SSM sessions are how operators reach the host (no inbound rule, no SSH key).
              construct::fn::join("", {Value("arn:"), construct::pseudo::partition(),
                                       Value(":iam::aws:policy/AmazonSSMManagedInstanceCore")}),
              base.s3_managed_policy().arn(), eksctl_cluster.arn(), eksctl_network.arn()}});
  add_all(*admin_role_,
          permissions::kit(auth.user_pool().user_pool_arn(), key_->key_arn(), file_system_arn_));
  // 00-bootstrap.sh reads this stack's outputs.
  aws_constructs::grant(*admin_role_, {"cloudformation:DescribeStacks"}, {construct::pseudo::stack_id()});
  // 03-deploy-daskhub.sh hands both tokens to helm.
  hub_api_key_->grant_read(*admin_role_);
  gateway_api_key_->grant_read(*admin_role_);
  add_all(*admin_role_,
          permissions::dns_teardown(zone_arn(), dns_names_.front(),
                                    std::vector<std::string>(dns_names_.begin() + 1, dns_names_.end())));
}

void DaskhubStack::add_admin_host(const config::InstanceConfig& config, const BaseStack& base) {
  // The first private subnet, as the original (behind the NAT gateway). A looked-up VPC without private
  // subnets (the account's default VPC) offers its public ones instead, whose hosts get the public address
  // they need to reach SSM and the tools' downloads. Either way the security group admits nothing: operators
  // come in through SSM.
  host_ = &make<aws_constructs::Instance>(
      "DaskhubInstance",
      aws_constructs::InstanceProps{.vpc = &base.vpc(),
                                    .role = admin_role_,
                                    .init_prepare_commands = daskhub_admin_host::prepare_commands(),
                                    .init_files = daskhub_admin_host::kit_files(daskhub::render_kit(config)),
                                    .init_commands = daskhub_admin_host::commands(),
                                    .apply_metadata_updates = true});
  // The console and `aws ec2 describe-instances` show the host (and its security group) by this name, as the
  // original's.
  host_->add_tag("Name", host_->path());
}

void DaskhubStack::add_outputs(const config::InstanceConfig& config, const BaseStack& base,
                               const AuthStack& auth) {
  namespace outputs = contracts::daskhub::outputs;
  // Plain values, no description or export: the kit reads them as key and value (00-bootstrap.sh).
  auto output = [&](std::string_view key, Value value) {
    make<construct::CfnOutput>(std::string(key), construct::OutputProps{.value = std::move(value)});
  };
  output(outputs::kInstanceId, host_->instance_id());
  output(outputs::kKmsArn, key_->key_arn());
  output(outputs::kAutoscalingPolicyArn, autoscaler_policy_->arn());
  output(outputs::kS3PolicyArn, base.s3_managed_policy().arn());
  output(outputs::kAdminRoleArn, admin_role_->role_arn());
  output(outputs::kRoute53PolicyArn, external_dns_policy_->arn());
  output(outputs::kEfsId, file_system_->file_system_id());
  output(outputs::kEfsMountPolicyArn, efs_mount_policy_->arn());
  output(outputs::kCognitoClientId, client(auth, "daskhub").user_pool_client_id());
  output(outputs::kCognitoDomainPrefix, Value(config.auth.domain_prefix));
  output(outputs::kCognitoUserPoolId, auth.user_pool().user_pool_id());
  if (config.enabled.daskhub_metrics)
    output(outputs::kCognitoClientIdKubecost, client(auth, "kubecost").user_pool_client_id());
  output(outputs::kHubApiKeySecretArn, hub_api_key_->secret_arn());
  output(outputs::kGatewayApiKeySecretArn, gateway_api_key_->secret_arn());
}

}  // namespace heliocloud::stacks
