#include "config/daskhub_section.h"

#include <cctype>
#include <set>

#include "config/validators.h"

namespace heliocloud::config {
namespace {

constexpr const char* kEksctl = "daskhub.eksctl";
constexpr const char* kHub = "daskhub.daskhub";
constexpr const char* kMonitoring = "daskhub.monitoring";

std::string at(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

IamIdentityMapping read_mapping(ConfigReader& r, const ConfigNode& item, const std::string& path) {
  IamIdentityMapping m;
  if (item.kind != ConfigNode::Kind::Map) {
    r.report(&item, path, "expected a mapping with arn, groups and optionally username");
    return m;
  }
  r.check_known_keys(&item, path, {"arn", "groups", "username"});
  if (const auto arn = r.optional_string(&item, "arn", path + ".arn")) {
    m.arn = *arn;
    r.validate(&item, "arn", path + ".arn", check_iam_principal_arn);
  } else {
    r.report(&item, path + ".arn", "required: the IAM role or user ARN to map into the cluster");
  }
  m.groups = r.string_list(&item, "groups", path + ".groups");
  if (m.groups.empty())
    r.report(&item, path + ".groups", "required: at least one Kubernetes group, e.g. system:masters");
  m.username = r.optional_string(&item, "username", path + ".username");
  return m;
}

void read_eksctl(ConfigReader& r, const ConfigNode* dh, InstanceConfig& c) {
  auto& e = c.daskhub.eksctl;
  const auto* eksctl = r.section(dh, "eksctl", kEksctl);
  r.check_known_keys(eksctl, kEksctl, {"metadata", "availabilityZones", "iamIdentityMappings"});
  const std::string meta_path = std::string(kEksctl) + ".metadata";
  const auto* meta = r.section(eksctl, "metadata", meta_path);
  r.check_known_keys(meta, meta_path, {"name", "region"});
  e.cluster_name = r.string(meta, "name", meta_path + ".name", e.cluster_name);
  // EKS cluster names: 1-100 characters, a letter or digit first, then letters, digits, '-' and '_'.
  r.validate(meta, "name", meta_path + ".name", [](const std::string& v) -> std::string {
    const bool ok = !v.empty() && v.size() <= 100 && std::isalnum(static_cast<unsigned char>(v[0])) != 0 &&
                    v.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") ==
                        std::string::npos;
    return ok ? ""
              : "an EKS cluster name has 1 to 100 letters, digits, '-' and '_', starting with a letter or "
                "digit";
  });

  const auto region = r.optional_string(meta, "region", meta_path + ".region");
  if (region) {
    r.validate(meta, "region", meta_path + ".region", check_region);
    if (c.env.region && *region != *c.env.region)
      r.report(meta->find("region"), meta_path + ".region",
               "\"" + *region + "\" differs from env.region \"" + *c.env.region +
                   "\"; the cluster must be in the instance's region (remove this key to use env.region)");
  }
  e.region = region.value_or(c.env.region.value_or(""));

  const std::string az_path = std::string(kEksctl) + ".availabilityZones";
  e.availability_zones = r.string_list(eksctl, "availabilityZones", az_path);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < e.availability_zones.size(); ++i) {
    const auto& az = e.availability_zones[i];
    const auto* node = eksctl->find("availabilityZones")->items[i].get();
    if (const auto why = check_availability_zone(az, e.region); !why.empty())
      r.report(node, at(az_path, i), "\"" + az + "\": " + why);
    if (!seen.insert(az).second) r.report(node, at(az_path, i), "\"" + az + "\" is listed twice");
  }
  if (e.availability_zones.size() == 1)
    r.report(eksctl->find("availabilityZones"), az_path,
             "EKS needs subnets in at least two availability zones; list two or more, or none to let eksctl "
             "choose");

  const std::string map_path = std::string(kEksctl) + ".iamIdentityMappings";
  if (const auto* maps = eksctl != nullptr ? eksctl->find("iamIdentityMappings") : nullptr) {
    if (maps->kind == ConfigNode::Kind::Sequence) {
      for (std::size_t i = 0; i < maps->items.size(); ++i)
        e.iam_identity_mappings.push_back(read_mapping(r, *maps->items[i], at(map_path, i)));
    } else if (maps->kind != ConfigNode::Kind::Null) {
      r.report(maps, map_path, "expected a list of {arn, groups, username} mappings");
    }
  }
}

void read_storage(ConfigReader& r, const ConfigNode* dh, InstanceConfig& c) {
  const std::string path = "daskhub.daskhub_storage";
  const auto* storage = r.section(dh, "daskhub_storage", path);
  r.check_known_keys(storage, path, {"efs-persist"});
  const auto* efs = r.section(storage, "efs-persist", path + ".efs-persist");
  r.check_known_keys(efs, path + ".efs-persist", {"storage"});
  c.daskhub.storage_size = r.string(efs, "storage", path + ".efs-persist.storage", c.daskhub.storage_size);
  r.validate(efs, "storage", path + ".efs-persist.storage", check_storage_quantity);
}

NotebookImage read_image(ConfigReader& r, const ConfigNode* hub, const std::string& prefix) {
  const std::string location_key = prefix + "_DOCKER_LOCATION";
  const std::string version_key = prefix + "_DOCKER_VERSION";
  NotebookImage image;
  image.location = r.string(hub, location_key, std::string(kHub) + "." + location_key, "");
  image.version = r.string(hub, version_key, std::string(kHub) + "." + version_key, "");
  r.validate(hub, location_key, std::string(kHub) + "." + location_key, check_image_repository);
  r.validate(hub, version_key, std::string(kHub) + "." + version_key, check_image_tag);
  if (image.location.empty())
    r.report_absent(std::string(kHub) + "." + location_key, "required: the notebook image's repository");
  if (image.version.empty())
    r.report_absent(std::string(kHub) + "." + version_key, "required: the notebook image's tag");
  return image;
}

void read_hub(ConfigReader& r, const ConfigNode* dh, InstanceConfig& c) {
  auto& h = c.daskhub.hub;
  const auto* hub = r.section(dh, "daskhub", kHub);
  r.check_known_keys(
      hub, kHub,
      {"namespace", "api_key1", "api_key2", "admin_users", "contact_email", "domain_url", "domain_record",
       "GENERIC_DOCKER_LOCATION", "GENERIC_DOCKER_VERSION", "MLTF_DOCKER_LOCATION", "MLTF_DOCKER_VERSION",
       "MLTRCH_DOCKER_LOCATION", "MLTRCH_DOCKER_VERSION"});
  const std::string h_path = kHub;
  h.kubernetes_namespace = r.string(hub, "namespace", h_path + ".namespace", h.kubernetes_namespace);
  r.validate(hub, "namespace", h_path + ".namespace", check_dns_label);
  // The keys are Secrets Manager secrets generated at deploy time: a literal would sit in the template. The
  // message does not repeat the value, which is a secret.
  for (const std::string key : {"api_key1", "api_key2"}) {
    const auto value = r.optional_string(hub, key, h_path + "." + key);
    if (value && *value != "auto")
      r.report(
          hub->find(key), h_path + "." + key,
          "must be auto: the key is generated in Secrets Manager when the stack is deployed, so it is never "
          "written into a template or file (replace the literal key with auto)");
  }
  h.admin_users = r.string_list(hub, "admin_users", h_path + ".admin_users");
  h.contact_email = r.string(hub, "contact_email", h_path + ".contact_email", "");
  r.validate(hub, "contact_email", h_path + ".contact_email", check_email_address);
  h.domain_url = r.string(hub, "domain_url", h_path + ".domain_url", "");
  r.validate(hub, "domain_url", h_path + ".domain_url", check_domain_name);
  h.domain_record = r.string(hub, "domain_record", h_path + ".domain_record", "");
  r.validate(hub, "domain_record", h_path + ".domain_record", check_dns_label);
  if (!c.enabled.daskhub) return;
  // The images are checked only for a Daskhub that will be deployed; they have defaults in default.yaml.
  h.generic_image = read_image(r, hub, "GENERIC");
  h.ml_tensorflow_image = read_image(r, hub, "MLTF");
  h.ml_pytorch_image = read_image(r, hub, "MLTRCH");
  const std::string why = "required when enabled.daskhub is true";
  if (h.domain_url.empty())
    r.report_absent(h_path + ".domain_url", why + " (the Route 53 hosted zone of the hub, e.g. example.org)");
  if (h.domain_record.empty())
    r.report_absent(h_path + ".domain_record", why + " (the hub's host name in that zone, e.g. daskhub)");
  if (h.contact_email.empty())
    r.report_absent(h_path + ".contact_email", why + " (Let's Encrypt sends certificate notices there)");
}

void read_monitoring(ConfigReader& r, const ConfigNode* dh, InstanceConfig& c) {
  auto& m = c.daskhub.monitoring;
  const auto* mon = r.section(dh, "monitoring", kMonitoring);
  const std::string path = kMonitoring;
  r.check_known_keys(mon, path,
                     {"grafana_domain_prefix", "cost_analyzer_domain_prefix", "AWS_LOAD_BALANCER_SSL_CERT"});
  m.grafana_domain_prefix = r.string(mon, "grafana_domain_prefix", path + ".grafana_domain_prefix", "");
  m.cost_analyzer_domain_prefix =
      r.string(mon, "cost_analyzer_domain_prefix", path + ".cost_analyzer_domain_prefix", "");
  m.load_balancer_certificate_arn =
      r.string(mon, "AWS_LOAD_BALANCER_SSL_CERT", path + ".AWS_LOAD_BALANCER_SSL_CERT", "");
  r.validate(mon, "grafana_domain_prefix", path + ".grafana_domain_prefix", check_dns_label);
  r.validate(mon, "cost_analyzer_domain_prefix", path + ".cost_analyzer_domain_prefix", check_dns_label);
  r.validate(mon, "AWS_LOAD_BALANCER_SSL_CERT", path + ".AWS_LOAD_BALANCER_SSL_CERT",
             check_acm_certificate_arn);
  if (!c.enabled.daskhub_metrics) return;
  const std::string why = "required when enabled.daskhub_metrics is true";
  if (m.cost_analyzer_domain_prefix.empty())
    r.report_absent(path + ".cost_analyzer_domain_prefix", why + " (the Kubecost host name, e.g. kubecost)");
  if (m.grafana_domain_prefix.empty())
    r.report_absent(path + ".grafana_domain_prefix", why + " (the Grafana host name, e.g. grafana)");
  if (m.load_balancer_certificate_arn.empty())
    r.report_absent(path + ".AWS_LOAD_BALANCER_SSL_CERT",
                    why + " (the ACM certificate ARN covering the Kubecost and Grafana host names)");
}

}  // namespace

void read_daskhub_section(ConfigReader& r, const ConfigNode* root, InstanceConfig& c) {
  const auto* dh = r.section(root, "daskhub", "daskhub");
  r.check_known_keys(dh, "daskhub", {"eksctl", "daskhub_storage", "daskhub", "monitoring"});
  read_eksctl(r, dh, c);
  read_storage(r, dh, c);
  read_hub(r, dh, c);
  read_monitoring(r, dh, c);
  if (c.enabled.daskhub_metrics && !c.enabled.daskhub)
    r.report(root->find("enabled")->find("daskhub_metrics"), "enabled.daskhub_metrics",
             "Kubecost monitors the Daskhub cluster: set enabled.daskhub to true, or daskhub_metrics to "
             "false");
}

}  // namespace heliocloud::config
