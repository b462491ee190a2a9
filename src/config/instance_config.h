#pragma once
// The typed, validated configuration of one HelioCloud instance (instance/default.yaml merged with
// instance/<name>.yaml). Stacks read only this; no stack reads YAML.

#include <map>
#include <nlohmann/json.hpp>
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
  std::optional<std::string> vpcId;  // only for Existing
};

struct UserSharedBucketConfig {
  bool destroyOnRemoval = false;
};

struct EmailConfig {
  bool useCustomEmailDomain = false;
  std::string user = "no-reply";
  std::string fromName = "APL HelioCloud";
};

enum class RemovalPolicyName { Retain, Destroy, Snapshot };

struct AuthConfig {
  std::string domainPrefix = "apl-helio";
  RemovalPolicyName removalPolicy = RemovalPolicyName::Retain;
  bool deletionProtection = true;
};

struct EnabledConfig {
  bool registry = false;
  bool portal = false;
  bool daskhub = false;
  bool registrationPage = false;
  bool daskhubMetrics = false;
};

struct CatalogConfig {
  std::string name;
  std::string contact;
  std::string description;
};

struct RegistryConfig {
  std::vector<std::string> datasetBucketNames;
  std::optional<std::string> ingestBucketName;
  bool requesterPays = true;
  CatalogConfig catalog;
  bool destroyOnRemoval = false;
  // Set in the file but meaningless for our Registry (the original's DocumentDB user, Python layers).
  std::vector<std::string> ignoredKeys;
};

// The portal and the registration page are both a web site behind a load balancer on the instance's domain.
struct WebsiteConfig {
  std::optional<std::string> domainUrl;     // e.g. "example.org" (the hosted zone)
  std::optional<std::string> domainRecord;  // e.g. "portal" -> https://portal.example.org
  std::optional<std::string> certificateArn;
  std::map<std::string, std::string> dockerBuildArgs;
};

struct DaskhubConfig {
  // The daskhub section is a template for eksctl and Helm values; it is kept as data for the Daskhub stack.
  nlohmann::json eksctl = nlohmann::json::object();
  nlohmann::json storage = nlohmann::json::object();
  nlohmann::json daskhub = nlohmann::json::object();
  nlohmann::json monitoring = nlohmann::json::object();
};

struct InstanceConfig {
  std::string name;        // the instance name given with -c instance=<name>
  std::string sourceFile;  // "instance/<name>.yaml"
  EnvConfig env;
  VpcConfig vpc;
  UserSharedBucketConfig userSharedBucket;
  EmailConfig email;
  AuthConfig auth;
  EnabledConfig enabled;
  RegistryConfig registry;
  WebsiteConfig portal;
  WebsiteConfig registrationPage;
  DaskhubConfig daskhub;

  // The Auth stack exists when any module with users is enabled.
  bool needsAuth() const { return enabled.portal || enabled.daskhub || enabled.registrationPage; }
  bool needsIdentity() const { return needsAuth() && email.useCustomEmailDomain; }
};

}  // namespace heliocloud::config
