#include "registry/cli/instance_settings.h"

#include <cstdlib>

#include "aws/client_config.h"
#include "config/config_error.h"
#include "config/instance_loader.h"
#include "registry/cli/usage_error.h"

namespace heliocloud::registry::cli {

std::string default_instance_dir() {
  const char* dir = std::getenv("HELIOCLOUD_INSTANCE_DIR");
  return dir != nullptr && *dir != '\0' ? dir : "instance";
}

config::InstanceConfig load_instance(const std::string& dir, const std::string& name) {
  try {
    return config::load_instance(dir, name);
  } catch (const config::ConfigErrors& e) {
    throw UsageError(std::string(e.what()) + "\n(fix the instance file; every problem is listed above)");
  } catch (const config::ConfigError& e) {
    std::string known;
    for (const auto& n : config::list_instances(dir)) known += (known.empty() ? "" : ", ") + n;
    throw UsageError(
        std::string(e.what()) + "\ninstances in " + dir + "/: " + (known.empty() ? "(none)" : known) +
        " (set --instance-dir or HELIOCLOUD_INSTANCE_DIR for another directory; without an instance, "
        "use --local with --bucket)");
  }
}

RegistrySettings settings_from_instance(const config::InstanceConfig& instance) {
  RegistrySettings s;
  const auto& r = instance.registry;
  s.dataset_buckets = r.dataset_bucket_names;
  if (r.ingest_bucket_name) s.ingest_bucket = *r.ingest_bucket_name;
  s.catalog_name = r.catalog.name;
  s.catalog_contact = r.catalog.contact;
  s.catalog_description = r.catalog.description;
  s.requester_pays = r.requester_pays;
  return s;
}

bool SettingsOverrides::any() const {
  return !dataset_buckets.empty() || ingest_bucket || catalog_name || catalog_contact ||
         catalog_description || requester_pays || no_requester_pays;
}

void SettingsOverrides::apply(RegistrySettings& settings) const {
  if (!dataset_buckets.empty()) settings.dataset_buckets = dataset_buckets;
  if (ingest_bucket) settings.ingest_bucket = *ingest_bucket;
  if (catalog_name) settings.catalog_name = *catalog_name;
  if (catalog_contact) settings.catalog_contact = *catalog_contact;
  if (catalog_description) settings.catalog_description = *catalog_description;
  if (requester_pays) settings.requester_pays = true;
  if (no_requester_pays) settings.requester_pays = false;
}

std::string region_for(const std::optional<std::string>& flag, const config::InstanceConfig& instance) {
  if (flag && !flag->empty()) return *flag;
  if (instance.env.region && !instance.env.region->empty()) return *instance.env.region;
  return aws::region_from_environment();
}

}  // namespace heliocloud::registry::cli
