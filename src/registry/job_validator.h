#pragma once
// Step 1 of an ingest: validate every dataset of a job and report every problem before anything is written.
// Also what `heliocloud validate` runs for a provider before uploading.
#include <optional>
#include <string>
#include <vector>

#include "registry/dataset_store.h"
#include "registry/entry.h"
#include "registry/index_file.h"
#include "registry/job.h"
#include "registry/job_progress.h"
#include "registry/manifest.h"
#include "registry/object_store.h"
#include "registry/settings.h"

namespace heliocloud::registry {

// One data file to publish.
struct PlannedFile {
  std::string source_key;       // in the ingest bucket: <job>/<id>/<key>
  std::string destination_key;  // in the dataset bucket: <folder>/<key with normalized extension>
  bool in_job = true;  // false: gone from the job but already published by an earlier, interrupted run
  IndexRow row;        // its index row (absolute datakey)
  std::string file_type;
};

struct DatasetPlan {
  ParsedEntry parsed;
  std::string manifest_key;   // empty when no manifest was found
  std::string manifest_hash;  // manifest_hash() of its text
  Manifest manifest;
  std::vector<PlannedFile> files;
  Problems problems;

  [[nodiscard]] bool ok() const { return problems.empty() && parsed.entry.has_value(); }
  [[nodiscard]] std::string id() const { return parsed.label(); }
};

struct JobPlan {
  JobLocation job;
  Problems problems;  // about the job as a whole (entries.json missing or unreadable)
  std::vector<DatasetPlan> datasets;

  [[nodiscard]] bool ok() const;
  [[nodiscard]] Problems all_problems() const;
};

struct ValidateOptions {
  // Each index must name one of settings.dataset_buckets. Off for a provider's `heliocloud validate` who does
  // not know the instance's bucket names.
  bool check_membership = true;
  // The destination bucket must exist in the store (an ingest); off when validating a job folder on its own.
  bool check_reachable = true;
  // A resumed ingest: the first rows_done rows of a dataset whose manifest is unchanged were published by an
  // earlier run, so their files are not looked for (one HEAD each otherwise); those still in the job are
  // planned with in_job = true, so that they are deleted.
  const JobProgress* resume = nullptr;
};

// Reads entries.json and each manifest, lists the job folder and checks every row (present, same size). When
// `records` is given, a manifest's extra columns must match those of the published dataset.
[[nodiscard]] JobPlan validate_job(ObjectStore& store, DatasetStore* records,
                                   const RegistrySettings& settings, const JobLocation& job,
                                   const ValidateOptions& options = {});

}  // namespace heliocloud::registry
