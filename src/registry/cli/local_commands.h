#pragma once
// The commands that run the Registry services in this process: validate (a local job folder or
// s3://bucket/job), ingest --local and catalog --local (buckets as directories under --root, or on any S3
// endpoint; dataset records in an embedded SQLite file). Registry settings come from an instance file when
// one is named, then from flags.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "registry/cli/instance_settings.h"
#include "registry/ingest_service.h"

namespace heliocloud::registry::cli {

struct LocalOptions {
  std::string root;
  std::string endpoint;
  std::string db;
  std::string instance_dir;
  std::optional<std::string> instance;  // settings from instance/<name>.yaml, then the overrides
  SettingsOverrides overrides;
  std::size_t parallel = 16;
  std::size_t chunk_files = kDefaultChunkFiles;
  bool json = false;
};

int validate_job_folder(const std::string& job, const std::vector<std::string>& dataset_buckets);
int validate_s3_job(const std::string& uri, const std::vector<std::string>& dataset_buckets,
                    const std::optional<std::string>& region);

int ingest_local(const std::string& job, const LocalOptions& options);
int catalog_local(const LocalOptions& options);
// Ingest jobs recorded in the local dataset store (--db, or <root>/.heliocloud-registry.sqlite3); `job` is
// matched by its folder or its s3:// URI.
int status_local(const std::optional<std::string>& job, const LocalOptions& options);

}  // namespace heliocloud::registry::cli
