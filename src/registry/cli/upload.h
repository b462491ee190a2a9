#pragma once
// `heliocloud upload <local dir> <instance> <job>`: checks a prepared job folder (as `validate` does, against
// the instance's dataset buckets) and uploads it to <ingest bucket>/<job>/ in parallel, with progress on
// stderr. Data files go first, manifests next and entries.json last, so an ingest started early never sees a
// job whose entries.json names files that are not there yet.
#include <cstddef>
#include <optional>
#include <string>

namespace heliocloud::registry::cli {

struct UploadOptions {
  std::string instance_dir;
  std::optional<std::string> region;
  std::optional<std::string> ingest_bucket;  // instead of the Registry stack's IngestBucketName
  std::size_t parallel = 16;
  bool overwrite = false;  // replace a job folder that already has an entries.json
};

int upload_job(const std::string& dir, const std::string& instance, const std::string& job,
               const UploadOptions& options);

}  // namespace heliocloud::registry::cli
