#pragma once
// ImportService: takes over the dataset buckets an instance of the original platform published (issue 16).
// The original kept its records in DocumentDB and wrote catalog.json and index files the CloudCatalog client
// cannot read (cloudcatalog.md §7). The import reads both as the original wrote them, fills the dataset
// store, and rewrites them in CloudCatalog 1.1 form. It is a dry run unless `apply`; every object it rewrites
// is first copied to a dated backup (kept until prune_backups); a second run changes nothing. What it cannot
// convert is reported line by line and left as it is; data files our ingest would reject are reported and
// kept.
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry/dataset_store.h"
#include "registry/entry.h"
#include "registry/object_store.h"
#include "registry/problem.h"
#include "registry/settings.h"
#include "registry/time.h"

namespace heliocloud::registry {

struct ImportOptions {
  bool apply = false;                   // false: read and report only
  Instant now = now_utc();              // dates the backups; the modification of records that have none
  std::chrono::seconds lease_ttl{900};  // held per dataset while its index files are rewritten
};

// An object the import rewrote, created or deleted (or would, in a dry run).
struct ImportChange {
  std::string uri;     // s3://bucket/key
  std::string action;  // "rewrite", "create", "delete"
  std::string backup;  // s3://bucket/<backup key> of the previous bytes; empty for "create"
  std::string detail;  // "12 rows"
};

struct ImportedDataset {
  std::string id;
  std::string bucket;
  std::string record;  // "created", "updated", "unchanged", or "not imported"
  std::size_t rows = 0;
};

struct ImportResult {
  bool applied = false;
  std::vector<ImportChange> changes;
  std::vector<ImportedDataset> datasets;
  Problems unconverted;  // lines and entries that could not be converted; their objects are left as they are
  Problems rejected;  // index rows our ingest would reject (extension, missing object, size): kept as written
  Problems errors;    // buckets that could not be read or written

  [[nodiscard]] bool ok() const { return unconverted.empty() && errors.empty(); }
  // {"ok", "applied", "changes": [...], "datasets": [...], "unconverted": [...], "rejected": [...],
  //  "errors": [...]}
  [[nodiscard]] nlohmann::ordered_json to_json() const;
};

// Backups go under this prefix of the bucket they were taken in: <prefix><YYYYMMDDThhmmssZ>/<key>.
inline constexpr std::string_view kImportBackupPrefix = ".heliocloud-import-backup/";

class ImportService {
 public:
  ImportService(ObjectStore& objects, DatasetStore& records, RegistrySettings settings,
                ImportOptions options = {});

  // Imports every dataset bucket of the settings.
  [[nodiscard]] ImportResult run();

  // Lists (dry run) or deletes (apply) every backup an earlier import kept in the dataset buckets.
  [[nodiscard]] ImportResult prune_backups();

 private:
  struct BucketImport;
  void import_bucket(const std::string& bucket, ImportResult& result);
  void import_dataset(BucketImport& b, const nlohmann::ordered_json& source, const Entry& entry,
                      ImportResult& result);
  // Puts `body` at `key` (after copying the old object to a backup) when it differs from `old`.
  void write_if_changed(const std::string& bucket, const std::string& key,
                        const std::optional<std::string>& old, const std::string& body,
                        const std::string& content_type, const std::string& detail, ImportResult& result);

  ObjectStore& objects_;
  DatasetStore& records_;
  RegistrySettings settings_;
  ImportOptions options_;
  std::string backup_folder_;  // kImportBackupPrefix + the run's time
};

}  // namespace heliocloud::registry
