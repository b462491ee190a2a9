#pragma once
// IngestService: publishes the datasets of an ingest job (issue 5, "Ingest" steps 1-5), written only against
// ObjectStore and DatasetStore so it runs the same in Lambda, on any S3 endpoint and on a local directory.
#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "registry/dataset_store.h"
#include "registry/job_validator.h"
#include "registry/object_store.h"
#include "registry/progress.h"
#include "registry/settings.h"

namespace heliocloud::registry {

struct DatasetResult {
  std::string id;
  std::size_t files_added = 0;
  std::uint64_t bytes = 0;
  std::vector<int> years;  // index files written
  std::string error;       // empty = published and cleaned up

  [[nodiscard]] bool ok() const { return error.empty(); }
};

struct IngestResult {
  Problems problems;  // job-level (entries.json missing or unreadable)
  std::vector<DatasetResult> datasets;

  [[nodiscard]] bool ok() const;
  // {"ok": bool, "problems": [...], "datasets": [{"id", "files_added", "bytes", "years", "error"?}]}
  [[nodiscard]] nlohmann::ordered_json to_json() const;
};

struct IngestOptions {
  std::size_t parallel_copies = 16;
  int attempts = 4;                      // per copy / put, with exponential backoff on transient errors
  std::chrono::seconds lease_ttl{900};   // a crashed ingest blocks its dataset at most this long
  std::chrono::seconds lease_wait{900};  // how long to wait for another ingest of the same dataset
  ProgressSink* progress = nullptr;
};

class IngestService {
 public:
  IngestService(ObjectStore& objects, DatasetStore& records, RegistrySettings settings,
                IngestOptions options = {});

  // Step 1 only; writes nothing.
  [[nodiscard]] JobPlan validate(const JobLocation& job);

  // Validates everything, then publishes every valid dataset: copy, merge index files, update the record,
  // clean up. A failure at any point leaves the job re-runnable; a rerun finishes it without duplicate rows.
  [[nodiscard]] IngestResult ingest(const JobLocation& job);

 private:
  void publish(const JobPlan& job, const DatasetPlan& plan, DatasetResult& result);
  void copy_files(const JobPlan& job, const DatasetPlan& plan, DatasetResult& result);
  void merge_index(const DatasetPlan& plan, DatasetResult& result);
  void clean_up(const JobPlan& job, const DatasetPlan& plan);
  void finish_entries_file(const JobPlan& job, const IngestResult& result);

  ObjectStore& objects_;
  DatasetStore& records_;
  RegistrySettings settings_;
  IngestOptions options_;
  std::string lease_owner_;
};

}  // namespace heliocloud::registry
