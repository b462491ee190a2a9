#pragma once
// RegistrySettings: what the registry needs to know about its instance. The CLI fills it from
// instance/<name>.yaml (cli/instance_settings) with flags as overrides; the Lambda functions from the
// Registry stack's environment variables (lambda/lambda_environment). Keep it this one small struct.
#include <string>
#include <vector>

namespace heliocloud::registry {

struct RegistrySettings {
  std::vector<std::string> dataset_buckets;  // public buckets datasets may be published to
  std::string ingest_bucket;                 // where providers upload jobs
  std::string catalog_name;                  // catalog.json "name"
  std::string catalog_contact;               // catalog.json "contact"
  std::string catalog_description;           // catalog.json "description" (omitted when empty)
  bool requester_pays = false;               // catalog.json "egress"
};

}  // namespace heliocloud::registry
