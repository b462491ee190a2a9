#pragma once
// The instance file (instance/<name>.yaml over instance/default.yaml, through the config library) as the CLI
// needs it: the registry settings, and the region of the instance's stacks. Flags given on the command line
// override the file, so `--local` runs can still point at other buckets.
#include <optional>
#include <string>
#include <vector>

#include "config/instance_config.h"
#include "registry/settings.h"

namespace heliocloud::registry::cli {

// Directory of the instance files: HELIOCLOUD_INSTANCE_DIR, else ./instance (the repository root's), as for
// the CDK app.
[[nodiscard]] std::string default_instance_dir();

// Loads and validates the instance. Every problem of the file, or "no such instance" with the instances
// there, becomes a UsageError.
[[nodiscard]] config::InstanceConfig load_instance(const std::string& dir, const std::string& name);

// dataset buckets, ingest bucket (when the file names one), catalog name/contact/description, requester pays.
[[nodiscard]] RegistrySettings settings_from_instance(const config::InstanceConfig& instance);

// Command-line overrides of the instance's registry settings; unset = keep the file's value.
struct SettingsOverrides {
  std::vector<std::string> dataset_buckets;  // replaces the list when non-empty
  std::optional<std::string> ingest_bucket;
  std::optional<std::string> catalog_name;
  std::optional<std::string> catalog_contact;
  std::optional<std::string> catalog_description;
  bool requester_pays = false;
  bool no_requester_pays = false;

  [[nodiscard]] bool any() const;
  void apply(RegistrySettings& settings) const;
};

// --region, else the instance's env.region, else the environment's (AWS_REGION, profile); empty when none.
[[nodiscard]] std::string region_for(const std::optional<std::string>& flag,
                                     const config::InstanceConfig& instance);

}  // namespace heliocloud::registry::cli
