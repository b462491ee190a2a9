#include "config/instance_loader.h"

#include <algorithm>
#include <filesystem>

#include "config/config_node.h"
#include "config/config_reader.h"
#include "config/validators.h"

namespace heliocloud::config {
namespace fs = std::filesystem;
namespace {

std::string displayPath(const std::string& dir, const std::string& file) {
  return (fs::path(dir) / file).lexically_normal().string();
}

void readEnv(ConfigReader& r, const ConfigNode* root, InstanceConfig& c) {
  const auto* env = r.section(root, "env", "env");
  r.checkKnownKeys(env, "env", {"account", "region"});
  c.env.account = r.optionalString(env, "account", "env.account");
  c.env.region = r.optionalString(env, "region", "env.region");
  r.validate(env, "account", "env.account", checkAccountId);
  r.validate(env, "region", "env.region", checkRegion);
}

void readVpc(ConfigReader& r, const ConfigNode* root, InstanceConfig& c) {
  const auto* vpc = r.section(root, "vpc", "vpc");
  r.checkKnownKeys(vpc, "vpc", {"type", "vpc_id"});
  c.vpc.type = static_cast<VpcType>(r.oneOf(vpc, "type", "vpc.type", {"new", "existing", "default"}, 0));
  c.vpc.vpcId = r.optionalString(vpc, "vpc_id", "vpc.vpc_id");
  r.validate(vpc, "vpc_id", "vpc.vpc_id", checkVpcId);
  if (c.vpc.type == VpcType::Existing && !c.vpc.vpcId)
    r.reportAbsent("vpc.vpc_id", "required when vpc.type is existing (the id of the VPC to use, vpc-...)");
  if (c.vpc.type != VpcType::Existing && c.vpc.vpcId)
    r.report(vpc->find("vpc_id"), "vpc.vpc_id",
             "only used when vpc.type is existing; set vpc.type: existing or remove it");
}

void readSimpleSections(ConfigReader& r, const ConfigNode* root, InstanceConfig& c) {
  const auto* usb = r.section(root, "userSharedBucket", "userSharedBucket");
  r.checkKnownKeys(usb, "userSharedBucket", {"destroyOnRemoval"});
  c.userSharedBucket.destroyOnRemoval =
      r.boolean(usb, "destroyOnRemoval", "userSharedBucket.destroyOnRemoval", false);

  const auto* email = r.section(root, "email", "email");
  r.checkKnownKeys(email, "email", {"use_custom_email_domain", "user", "from_name"});
  c.email.useCustomEmailDomain =
      r.boolean(email, "use_custom_email_domain", "email.use_custom_email_domain", false);
  c.email.user = r.string(email, "user", "email.user", c.email.user);
  c.email.fromName = r.string(email, "from_name", "email.from_name", c.email.fromName);
  r.validate(email, "user", "email.user", checkEmailLocalPart);
  r.validate(email, "from_name", "email.from_name", [](const std::string& v) {
    return v.find_first_of("<>\"") == std::string::npos ? "" : "a display name must not contain < > or \"";
  });

  const auto* auth = r.section(root, "auth", "auth");
  r.checkKnownKeys(auth, "auth", {"domain_prefix", "removal_policy", "deletion_protection"});
  c.auth.domainPrefix = r.string(auth, "domain_prefix", "auth.domain_prefix", c.auth.domainPrefix);
  r.validate(auth, "domain_prefix", "auth.domain_prefix", checkCognitoDomainPrefix);
  c.auth.removalPolicy = static_cast<RemovalPolicyName>(
      r.oneOf(auth, "removal_policy", "auth.removal_policy", {"RETAIN", "DESTROY", "SNAPSHOT"}, 0));
  c.auth.deletionProtection = r.boolean(auth, "deletion_protection", "auth.deletion_protection", true);

  const auto* enabled = r.section(root, "enabled", "enabled");
  r.checkKnownKeys(enabled, "enabled",
                   {"registry", "portal", "daskhub", "registration_page", "daskhub_metrics"});
  c.enabled.registry = r.boolean(enabled, "registry", "enabled.registry", false);
  c.enabled.portal = r.boolean(enabled, "portal", "enabled.portal", false);
  c.enabled.daskhub = r.boolean(enabled, "daskhub", "enabled.daskhub", false);
  c.enabled.registrationPage = r.boolean(enabled, "registration_page", "enabled.registration_page", false);
  c.enabled.daskhubMetrics = r.boolean(enabled, "daskhub_metrics", "enabled.daskhub_metrics", false);
}

void readRegistry(ConfigReader& r, const ConfigNode* root, const ConfigNode* instanceRoot,
                  InstanceConfig& c) {
  const auto* reg = r.section(root, "registry", "registry");
  r.checkKnownKeys(reg, "registry",
                   {"datasetBucketNames", "bucketNames", "ingestBucketName", "requesterPays", "catalog",
                    "destroyOnRemoval", "layers"});
  // The seed's README and example call the list bucketNames, the original code read datasetBucketNames.
  const ConfigNode* own = (instanceRoot != nullptr && instanceRoot->kind == ConfigNode::Kind::Map)
                              ? instanceRoot->find("registry")
                              : nullptr;
  const bool ownHasBoth = own != nullptr && own->kind == ConfigNode::Kind::Map &&
                          own->find("bucketNames") != nullptr && own->find("datasetBucketNames") != nullptr;
  if (ownHasBoth)
    r.report(own->find("bucketNames"), "registry.bucketNames",
             "registry.datasetBucketNames is set too; they are the same list, keep only datasetBucketNames");
  const bool useOldName = reg != nullptr && reg->find("bucketNames") != nullptr && !ownHasBoth;
  const std::string listKey = useOldName ? "bucketNames" : "datasetBucketNames";
  c.registry.datasetBucketNames = r.stringList(reg, listKey, "registry." + listKey);
  for (std::size_t i = 0; i < c.registry.datasetBucketNames.size(); ++i) {
    const auto& name = c.registry.datasetBucketNames[i];
    const std::string problem = checkS3BucketName(name);
    if (!problem.empty())
      r.report(reg->find(listKey)->items[i].get(), "registry." + listKey + "[" + std::to_string(i) + "]",
               "\"" + name + "\": " + problem);
    for (std::size_t j = 0; j < i; ++j)
      if (c.registry.datasetBucketNames[j] == name)
        r.report(reg->find(listKey)->items[i].get(), "registry." + listKey,
                 "\"" + name + "\" is listed twice");
  }
  c.registry.ingestBucketName = r.optionalString(reg, "ingestBucketName", "registry.ingestBucketName");
  r.validate(reg, "ingestBucketName", "registry.ingestBucketName", checkS3BucketName);
  c.registry.requesterPays = r.boolean(reg, "requesterPays", "registry.requesterPays", true);
  c.registry.destroyOnRemoval = r.boolean(reg, "destroyOnRemoval", "registry.destroyOnRemoval", false);

  const auto* catalog = r.section(reg, "catalog", "registry.catalog");
  r.checkKnownKeys(catalog, "registry.catalog", {"name", "contact", "description", "masterUser"});
  c.registry.catalog.name = r.string(catalog, "name", "registry.catalog.name", "");
  c.registry.catalog.contact = r.string(catalog, "contact", "registry.catalog.contact", "");
  c.registry.catalog.description = r.string(catalog, "description", "registry.catalog.description", "");
  if (r.optionalString(catalog, "masterUser", "registry.catalog.masterUser"))
    c.registry.ignoredKeys.emplace_back("registry.catalog.masterUser");
  const auto* layers = r.section(reg, "layers", "registry.layers");
  if (layers != nullptr)
    for (const auto& [k, v] : layers->entries)
      if (v->kind != ConfigNode::Kind::Null) c.registry.ignoredKeys.push_back("registry.layers." + k);

  if (c.enabled.registry && c.registry.datasetBucketNames.empty())
    r.reportAbsent("registry.datasetBucketNames",
                   "required when enabled.registry is true: list at least one public dataset bucket name");
  if (c.registry.ingestBucketName &&
      std::find(c.registry.datasetBucketNames.begin(), c.registry.datasetBucketNames.end(),
                *c.registry.ingestBucketName) != c.registry.datasetBucketNames.end())
    r.report(reg->find("ingestBucketName"), "registry.ingestBucketName",
             "must differ from the dataset buckets: uploads are private, dataset buckets are public");
}

void readWebsite(ConfigReader& r, const ConfigNode* root, const std::string& key, bool enabled,
                 WebsiteConfig& w) {
  const auto* site = r.section(root, key, key);
  r.checkKnownKeys(site, key, {"domain_url", "domain_record", "domain_certificate_arn", "docker"});
  w.domainUrl = r.optionalString(site, "domain_url", key + ".domain_url");
  w.domainRecord = r.optionalString(site, "domain_record", key + ".domain_record");
  w.certificateArn = r.optionalString(site, "domain_certificate_arn", key + ".domain_certificate_arn");
  r.validate(site, "domain_url", key + ".domain_url", checkDomainName);
  r.validate(site, "domain_record", key + ".domain_record", checkDnsLabel);
  r.validate(site, "domain_certificate_arn", key + ".domain_certificate_arn", checkAcmCertificateArn);
  const auto* docker = r.section(site, "docker", key + ".docker");
  r.checkKnownKeys(docker, key + ".docker", {"build_args"});
  if (const auto* args = r.section(docker, "build_args", key + ".docker.build_args"))
    for (const auto& [k, v] : args->entries)
      w.dockerBuildArgs[k] = v->kind == ConfigNode::Kind::Scalar ? v->scalar : "";
  if (!enabled) return;
  const std::string why = "required when enabled." + key + " is true";
  if (!w.domainUrl)
    r.reportAbsent(key + ".domain_url", why + " (the hosted zone's domain, e.g. example.org)");
  if (!w.domainRecord)
    r.reportAbsent(key + ".domain_record", why + " (the host name in that zone, e.g. portal)");
  if (!w.certificateArn)
    r.reportAbsent(key + ".domain_certificate_arn",
                   why + " (the ACM certificate ARN for the site's host name)");
}

void readDaskhub(ConfigReader& r, const ConfigNode* root, InstanceConfig& c) {
  const auto* dh = r.section(root, "daskhub", "daskhub");
  r.checkKnownKeys(dh, "daskhub", {"eksctl", "daskhub_storage", "daskhub", "monitoring"});
  // These sections feed eksctl and Helm templates, whose keys are theirs to define.
  c.daskhub.eksctl = r.asJson(r.section(dh, "eksctl", "daskhub.eksctl"));
  c.daskhub.storage = r.asJson(r.section(dh, "daskhub_storage", "daskhub.daskhub_storage"));
  const auto* hub = r.section(dh, "daskhub", "daskhub.daskhub");
  c.daskhub.daskhub = r.asJson(hub);
  c.daskhub.monitoring = r.asJson(r.section(dh, "monitoring", "daskhub.monitoring"));
  if (c.enabled.daskhubMetrics) {
    const auto* mon = r.section(dh, "monitoring", "daskhub.monitoring");
    if (!r.optionalString(mon, "cost_analyzer_domain_prefix",
                          "daskhub.monitoring.cost_analyzer_domain_prefix"))
      r.reportAbsent("daskhub.monitoring.cost_analyzer_domain_prefix",
                     "required when enabled.daskhub_metrics is true (the Kubecost host name, e.g. kubecost)");
  }
  if (c.enabled.daskhub) {
    r.validate(hub, "domain_url", "daskhub.daskhub.domain_url", checkDomainName);
    r.validate(hub, "domain_record", "daskhub.daskhub.domain_record", checkDnsLabel);
    if (!r.optionalString(hub, "domain_url", "daskhub.daskhub.domain_url"))
      r.reportAbsent("daskhub.daskhub.domain_url",
                     "required when enabled.daskhub is true (e.g. example.org)");
  }
}

}  // namespace

std::vector<std::string> listInstances(const std::string& instanceDir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(instanceDir, ec)) {
    if (e.path().extension() != ".yaml") continue;
    const std::string stem = e.path().stem().string();
    if (stem != "default") names.push_back(stem);
  }
  std::sort(names.begin(), names.end());
  return names;
}

InstanceConfig loadInstance(const std::string& instanceDir, const std::string& name) {
  const std::string defaultFile = displayPath(instanceDir, "default.yaml");
  const std::string instanceFile = displayPath(instanceDir, name + ".yaml");
  if (!fs::exists(fs::path(instanceDir) / "default.yaml"))
    throw ConfigError({defaultFile, 0, 0}, "",
                      "missing; it holds every setting's default and must be present");
  if (!fs::exists(fs::path(instanceDir) / (name + ".yaml")))
    throw ConfigError({instanceFile, 0, 0}, "", "no such instance file");

  const auto defaults = loadYamlFile((fs::path(instanceDir) / "default.yaml").string(), defaultFile);
  const auto instance = loadYamlFile((fs::path(instanceDir) / (name + ".yaml")).string(), instanceFile);
  if (defaults->kind != ConfigNode::Kind::Map)
    throw ConfigError({defaultFile, 0, 0}, "", "must be a YAML mapping of settings");
  if (instance->kind == ConfigNode::Kind::Null)
    throw ConfigError(
        {instanceFile, 0, 0}, "",
        "the file is empty; an instance file is a YAML mapping of settings (see instance/example.yaml)");
  if (instance->kind != ConfigNode::Kind::Map)
    throw ConfigError(instance->mark, "",
                      "not a YAML mapping of settings (key: value lines); see instance/example.yaml");

  const auto merged = deepMerge(defaults, instance);
  ConfigReader r(instanceFile);
  InstanceConfig c;
  c.name = name;
  c.sourceFile = instanceFile;
  r.checkKnownKeys(merged.get(), "",
                   {"env", "vpc", "userSharedBucket", "email", "auth", "enabled", "registry", "portal",
                    "registration_page", "daskhub"});
  readEnv(r, merged.get(), c);
  readVpc(r, merged.get(), c);
  readSimpleSections(r, merged.get(), c);
  readRegistry(r, merged.get(), instance.get(), c);
  readWebsite(r, merged.get(), "portal", c.enabled.portal, c.portal);
  readWebsite(r, merged.get(), "registration_page", c.enabled.registrationPage, c.registrationPage);
  readDaskhub(r, merged.get(), c);
  if (c.needsIdentity() && !c.portal.domainUrl)
    r.reportAbsent("portal.domain_url",
                   "required when email.use_custom_email_domain is true: e-mail is sent from that domain");
  if (!r.ok()) throw ConfigErrors(r.takeErrors());
  return c;
}

}  // namespace heliocloud::config
