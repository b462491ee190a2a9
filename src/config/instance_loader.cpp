#include "config/instance_loader.h"

#include <algorithm>
#include <filesystem>

#include "config/config_node.h"
#include "config/config_reader.h"
#include "config/daskhub_section.h"
#include "config/validators.h"

namespace heliocloud::config {
namespace fs = std::filesystem;
namespace {

std::string display_path(const std::string& dir, const std::string& file) {
  return (fs::path(dir) / file).lexically_normal().string();
}

void read_env(ConfigReader& r, const ConfigNode* root, InstanceConfig& c) {
  const auto* env = r.section(root, "env", "env");
  r.check_known_keys(env, "env", {"account", "region"});
  c.env.account = r.optional_string(env, "account", "env.account");
  c.env.region = r.optional_string(env, "region", "env.region");
  r.validate(env, "account", "env.account", check_account_id);
  r.validate(env, "region", "env.region", check_region);
}

void read_vpc(ConfigReader& r, const ConfigNode* root, InstanceConfig& c) {
  const auto* vpc = r.section(root, "vpc", "vpc");
  r.check_known_keys(vpc, "vpc", {"type", "vpc_id"});
  c.vpc.type = static_cast<VpcType>(r.one_of(vpc, "type", "vpc.type", {"new", "existing", "default"}, 0));
  c.vpc.vpc_id = r.optional_string(vpc, "vpc_id", "vpc.vpc_id");
  r.validate(vpc, "vpc_id", "vpc.vpc_id", check_vpc_id);
  if (c.vpc.type == VpcType::Existing && !c.vpc.vpc_id)
    r.report_absent("vpc.vpc_id", "required when vpc.type is existing (the id of the VPC to use, vpc-...)");
  if (c.vpc.type != VpcType::Existing && c.vpc.vpc_id)
    r.report(vpc->find("vpc_id"), "vpc.vpc_id",
             "only used when vpc.type is existing; set vpc.type: existing or remove it");
}

void read_simple_sections(ConfigReader& r, const ConfigNode* root, InstanceConfig& c) {
  const auto* usb = r.section(root, "userSharedBucket", "userSharedBucket");
  r.check_known_keys(usb, "userSharedBucket", {"destroyOnRemoval"});
  c.user_shared_bucket.destroy_on_removal =
      r.boolean(usb, "destroyOnRemoval", "userSharedBucket.destroyOnRemoval", false);

  const auto* email = r.section(root, "email", "email");
  r.check_known_keys(email, "email", {"use_custom_email_domain", "user", "from_name"});
  c.email.use_custom_email_domain =
      r.boolean(email, "use_custom_email_domain", "email.use_custom_email_domain", false);
  c.email.user = r.string(email, "user", "email.user", c.email.user);
  c.email.from_name = r.string(email, "from_name", "email.from_name", c.email.from_name);
  r.validate(email, "user", "email.user", check_email_local_part);
  r.validate(email, "from_name", "email.from_name", [](const std::string& v) {
    return v.find_first_of("<>\"") == std::string::npos ? "" : "a display name must not contain < > or \"";
  });

  const auto* auth = r.section(root, "auth", "auth");
  r.check_known_keys(auth, "auth", {"domain_prefix", "removal_policy", "deletion_protection"});
  c.auth.domain_prefix = r.string(auth, "domain_prefix", "auth.domain_prefix", c.auth.domain_prefix);
  r.validate(auth, "domain_prefix", "auth.domain_prefix", check_cognito_domain_prefix);
  c.auth.removal_policy = static_cast<RemovalPolicyName>(
      r.one_of(auth, "removal_policy", "auth.removal_policy", {"RETAIN", "DESTROY", "SNAPSHOT"}, 0));
  c.auth.deletion_protection = r.boolean(auth, "deletion_protection", "auth.deletion_protection", true);

  const auto* enabled = r.section(root, "enabled", "enabled");
  r.check_known_keys(enabled, "enabled",
                     {"registry", "portal", "daskhub", "registration_page", "daskhub_metrics"});
  c.enabled.registry = r.boolean(enabled, "registry", "enabled.registry", false);
  c.enabled.portal = r.boolean(enabled, "portal", "enabled.portal", false);
  c.enabled.daskhub = r.boolean(enabled, "daskhub", "enabled.daskhub", false);
  c.enabled.registration_page = r.boolean(enabled, "registration_page", "enabled.registration_page", false);
  c.enabled.daskhub_metrics = r.boolean(enabled, "daskhub_metrics", "enabled.daskhub_metrics", false);
}

void read_registry(ConfigReader& r, const ConfigNode* root, const ConfigNode* instance_root,
                   InstanceConfig& c) {
  const auto* reg = r.section(root, "registry", "registry");
  r.check_known_keys(reg, "registry",
                     {"datasetBucketNames", "bucketNames", "ingestBucketName", "requesterPays", "catalog",
                      "destroyOnRemoval", "layers"});
  // The seed's README and example call the list bucketNames, the original code read datasetBucketNames.
  const ConfigNode* own = (instance_root != nullptr && instance_root->kind == ConfigNode::Kind::Map)
                              ? instance_root->find("registry")
                              : nullptr;
  const bool own_has_both = own != nullptr && own->kind == ConfigNode::Kind::Map &&
                            own->find("bucketNames") != nullptr && own->find("datasetBucketNames") != nullptr;
  if (own_has_both)
    r.report(own->find("bucketNames"), "registry.bucketNames",
             "registry.datasetBucketNames is set too; they are the same list, keep only datasetBucketNames");
  const bool use_old_name = reg != nullptr && reg->find("bucketNames") != nullptr && !own_has_both;
  const std::string list_key = use_old_name ? "bucketNames" : "datasetBucketNames";
  c.registry.dataset_bucket_names = r.string_list(reg, list_key, "registry." + list_key);
  for (std::size_t i = 0; i < c.registry.dataset_bucket_names.size(); ++i) {
    const auto& name = c.registry.dataset_bucket_names[i];
    const std::string problem = check_s3_bucket_name(name);
    if (!problem.empty())
      r.report(reg->find(list_key)->items[i].get(), "registry." + list_key + "[" + std::to_string(i) + "]",
               "\"" + name + "\": " + problem);
    for (std::size_t j = 0; j < i; ++j)
      if (c.registry.dataset_bucket_names[j] == name)
        r.report(reg->find(list_key)->items[i].get(), "registry." + list_key,
                 "\"" + name + "\" is listed twice");
  }
  c.registry.ingest_bucket_name = r.optional_string(reg, "ingestBucketName", "registry.ingestBucketName");
  r.validate(reg, "ingestBucketName", "registry.ingestBucketName", check_s3_bucket_name);
  c.registry.requester_pays = r.boolean(reg, "requesterPays", "registry.requesterPays", true);
  c.registry.destroy_on_removal = r.boolean(reg, "destroyOnRemoval", "registry.destroyOnRemoval", false);

  const auto* catalog = r.section(reg, "catalog", "registry.catalog");
  r.check_known_keys(catalog, "registry.catalog", {"name", "contact", "description", "masterUser"});
  c.registry.catalog.name = r.string(catalog, "name", "registry.catalog.name", "");
  c.registry.catalog.contact = r.string(catalog, "contact", "registry.catalog.contact", "");
  c.registry.catalog.description = r.string(catalog, "description", "registry.catalog.description", "");
  if (r.optional_string(catalog, "masterUser", "registry.catalog.masterUser"))
    c.registry.ignored_keys.emplace_back("registry.catalog.masterUser");
  const auto* layers = r.section(reg, "layers", "registry.layers");
  if (layers != nullptr)
    for (const auto& [k, v] : layers->entries)
      if (v->kind != ConfigNode::Kind::Null) c.registry.ignored_keys.push_back("registry.layers." + k);

  if (c.enabled.registry && c.registry.dataset_bucket_names.empty())
    r.report_absent("registry.datasetBucketNames",
                    "required when enabled.registry is true: list at least one public dataset bucket name");
  if (c.registry.ingest_bucket_name &&
      std::ranges::find(c.registry.dataset_bucket_names, *c.registry.ingest_bucket_name) !=
          c.registry.dataset_bucket_names.end())
    r.report(reg->find("ingestBucketName"), "registry.ingestBucketName",
             "must differ from the dataset buckets: uploads are private, dataset buckets are public");
}

void read_portal_machines(ConfigReader& r, const ConfigNode* root, PortalMachinesConfig& m) {
  const auto* machines = r.section(r.section(root, "portal", "portal"), "machines", "portal.machines");
  r.check_known_keys(machines, "portal.machines", {"ingress_cidrs", "ingress_ports"});
  if (machines != nullptr && machines->find("ingress_cidrs") != nullptr)
    m.ingress_cidrs =
        r.checked_list(machines, "ingress_cidrs", "portal.machines.ingress_cidrs", check_ipv4_cidr);
  if (machines != nullptr && machines->find("ingress_ports") != nullptr)
    m.ingress_ports =
        r.checked_list(machines, "ingress_ports", "portal.machines.ingress_ports", check_tcp_port);
}

void read_website(ConfigReader& r, const ConfigNode* root, const std::string& key, bool enabled,
                  WebsiteConfig& w) {
  const auto* site = r.section(root, key, key);
  std::vector<std::string> known = {"domain_url", "domain_record", "domain_certificate_arn", "rate_limit",
                                    "docker"};
  if (key == "portal") known.emplace_back("machines");
  r.check_known_keys(site, key, known);
  w.domain_url = r.optional_string(site, "domain_url", key + ".domain_url");
  w.domain_record = r.optional_string(site, "domain_record", key + ".domain_record");
  w.certificate_arn = r.optional_string(site, "domain_certificate_arn", key + ".domain_certificate_arn");
  r.validate(site, "domain_url", key + ".domain_url", check_domain_name);
  r.validate(site, "domain_record", key + ".domain_record", check_dns_label);
  r.validate(site, "domain_certificate_arn", key + ".domain_certificate_arn", check_acm_certificate_arn);
  // WAF's bounds for a rate-based rule's limit.
  w.rate_limit = r.integer(site, "rate_limit", key + ".rate_limit", w.rate_limit, 10, 2'000'000'000);
  const auto* docker = r.section(site, "docker", key + ".docker");
  r.check_known_keys(docker, key + ".docker", {"build_args"});
  if (const auto* args = r.section(docker, "build_args", key + ".docker.build_args"))
    for (const auto& [k, v] : args->entries)
      w.docker_build_args[k] = v->kind == ConfigNode::Kind::Scalar ? v->scalar : "";
  if (!enabled) return;
  const std::string why = "required when enabled." + key + " is true";
  if (!w.domain_url)
    r.report_absent(key + ".domain_url", why + " (the hosted zone's domain, e.g. example.org)");
  if (!w.domain_record)
    r.report_absent(key + ".domain_record", why + " (the host name in that zone, e.g. portal)");
  if (!w.certificate_arn)
    r.report_absent(key + ".domain_certificate_arn",
                    why + " (the ACM certificate ARN for the site's host name)");
}

}  // namespace

std::vector<std::string> list_instances(const std::string& instance_dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(instance_dir, ec)) {
    if (e.path().extension() != ".yaml") continue;
    const std::string stem = e.path().stem().string();
    if (stem != "default") names.push_back(stem);
  }
  std::ranges::sort(names);
  return names;
}

InstanceConfig load_instance(const std::string& instance_dir, const std::string& name) {
  const std::string default_file = display_path(instance_dir, "default.yaml");
  const std::string instance_file = display_path(instance_dir, name + ".yaml");
  if (!fs::exists(fs::path(instance_dir) / "default.yaml"))
    throw ConfigError({.file = default_file, .line = 0, .column = 0}, "",
                      "missing; it holds every setting's default and must be present");
  if (!fs::exists(fs::path(instance_dir) / (name + ".yaml")))
    throw ConfigError({.file = instance_file, .line = 0, .column = 0}, "", "no such instance file");

  const auto defaults = load_yaml_file((fs::path(instance_dir) / "default.yaml").string(), default_file);
  const auto instance = load_yaml_file((fs::path(instance_dir) / (name + ".yaml")).string(), instance_file);
  if (defaults->kind != ConfigNode::Kind::Map)
    throw ConfigError({.file = default_file, .line = 0, .column = 0}, "",
                      "must be a YAML mapping of settings");
  if (instance->kind == ConfigNode::Kind::Null)
    throw ConfigError(
        {.file = instance_file, .line = 0, .column = 0}, "",
        "the file is empty; an instance file is a YAML mapping of settings (see instance/example.yaml)");
  if (instance->kind != ConfigNode::Kind::Map)
    throw ConfigError(instance->mark, "",
                      "not a YAML mapping of settings (key: value lines); see instance/example.yaml");

  const auto merged = deep_merge(defaults, instance);
  ConfigReader r(instance_file);
  InstanceConfig c;
  c.name = name;
  c.source_file = instance_file;
  r.check_known_keys(merged.get(), "",
                     {"env", "vpc", "userSharedBucket", "email", "auth", "enabled", "registry", "portal",
                      "registration_page", "daskhub"});
  read_env(r, merged.get(), c);
  read_vpc(r, merged.get(), c);
  read_simple_sections(r, merged.get(), c);
  read_registry(r, merged.get(), instance.get(), c);
  read_website(r, merged.get(), "portal", c.enabled.portal, c.portal);
  read_portal_machines(r, merged.get(), c.portal_machines);
  read_website(r, merged.get(), "registration_page", c.enabled.registration_page, c.registration_page);
  read_daskhub_section(r, merged.get(), c);
  if (c.needs_identity() && !c.portal.domain_url)
    r.report_absent("portal.domain_url",
                    "required when email.use_custom_email_domain is true: e-mail is sent from that domain");
  if (!r.ok()) throw ConfigErrors(r.take_errors());
  return c;
}

}  // namespace heliocloud::config
