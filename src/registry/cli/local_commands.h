#pragma once
// The commands that run the Registry services in this process: validate (a local job folder or
// s3://bucket/job), ingest --local and catalog --local: on a named instance's deployed buckets and DynamoDB
// table (found through its Registry stack's outputs, on AWS or on a local emulator's --endpoint), or on
// buckets as directories under --root or on any S3 endpoint with dataset records in an embedded SQLite file.
// Registry settings come from an instance file when one is named, then from flags.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aws/dynamodb.h"
#include "aws/s3.h"
#include "registry/cli/instance_settings.h"
#include "registry/dataset_store.h"
#include "registry/ingest_service.h"
#include "registry/object_store.h"

namespace heliocloud::registry::cli {

struct LocalOptions {
  std::string root;
  std::string endpoint;
  std::string db;
  std::string instance_dir;
  std::optional<std::string> instance;  // settings from instance/<name>.yaml, then the overrides
  SettingsOverrides overrides;
  std::size_t parallel = 16;
  std::size_t chunk_files = 0;  // 0 = chunk_size()'s choice per dataset
  bool json = false;
};

// The buckets (a directory per bucket under --root, or an S3 endpoint) and the dataset records (SQLite, or
// the deployed DynamoDB table) of a --local run. Throws UsageError.
struct Storage {
  std::unique_ptr<aws::S3Client> s3;              // set for S3 buckets; outlives `objects`
  std::unique_ptr<aws::DynamoDbClient> dynamodb;  // set for the deployed table; outlives `records`
  std::unique_ptr<ObjectStore> objects;
  std::unique_ptr<DatasetStore> records;
};
[[nodiscard]] Storage open_storage(const LocalOptions& o, const std::string& region);

// The instance file's settings (when one is named) under the flags; sets `region` from the instance. What is
// still missing is a UsageError (`catalog`: the catalog name and contact are needed too).
[[nodiscard]] RegistrySettings resolve_settings(const LocalOptions& o, bool catalog, std::string& region);

int validate_job_folder(const std::string& job, const std::vector<std::string>& dataset_buckets);
int validate_s3_job(const std::string& uri, const std::vector<std::string>& dataset_buckets,
                    const std::optional<std::string>& region);

int ingest_local(const std::string& job, const LocalOptions& options);
int catalog_local(const LocalOptions& options);
// Ingest jobs recorded in the local dataset store (--db, or <root>/.heliocloud-registry.sqlite3); `job` is
// matched by its folder or its s3:// URI.
int status_local(const std::optional<std::string>& job, const LocalOptions& options);

}  // namespace heliocloud::registry::cli
