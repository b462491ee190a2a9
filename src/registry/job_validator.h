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
#include "registry/object_reader.h"
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

// What validation learned about one dataset. Not its rows (issue 15: a million rows would be a gigabyte):
// publishing reads them again from the manifest, a chunk at a time (PlannedFiles), and this keeps what
// holds for the whole dataset, with a bit per row.
struct DatasetPlan {
  ParsedEntry parsed;
  std::string manifest_key;      // empty when no manifest was found
  std::string manifest_name;     // how messages name it: <id>/manifest.csv
  std::string manifest_hash;     // manifest_hash() of its text
  std::string manifest_version;  // the version validated (ObjectRange::version): publishing reads that one
  std::vector<std::string> extra_columns;
  std::size_t file_count = 0;  // rows of the manifest, each a file to publish
  std::uint64_t bytes = 0;     // their sizes together
  std::vector<int> years;      // the UTC years of their start times: the index files they go into
  // Per row: whether its file is in the job (false: published and deleted by an earlier, interrupted run).
  std::vector<bool> in_job;
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
  // The manifest is read this many bytes at a time.
  std::size_t manifest_piece_bytes = kReadPieceBytes;
};

// Reads entries.json and each manifest, lists the job folder and checks every row (present, same size). When
// `records` is given, a manifest's extra columns must match those of the published dataset. Memory: 8 bytes
// per row for duplicates, 16 per object of the job folder and a bit per row, besides a piece of the manifest.
[[nodiscard]] JobPlan validate_job(ObjectStore& store, DatasetStore* records,
                                   const RegistrySettings& settings, const JobLocation& job,
                                   const ValidateOptions& options = {});

// The files of a validated dataset (ok()), read again from its manifest in file order, a few at a time.
// Throws std::runtime_error when the manifest is no longer the one validated.
class PlannedFiles {
 public:
  PlannedFiles(ObjectStore& store, const JobLocation& job, const DatasetPlan& plan,
               std::size_t piece_bytes = kReadPieceBytes);
  PlannedFiles(const PlannedFiles&) = delete;  // reader_ is read through this
  PlannedFiles& operator=(const PlannedFiles&) = delete;

  // The next `count` files, fewer only at the end.
  [[nodiscard]] std::vector<PlannedFile> next(std::size_t count);
  // Passes over `count` files without reading them.
  void skip(std::size_t count);
  // Files passed so far: the next file's row.
  [[nodiscard]] std::size_t position() const { return position_; }

 private:
  [[noreturn]] void changed(const std::string& why) const;

  const JobLocation& job_;
  const DatasetPlan& plan_;
  ObjectReader reader_;
  ManifestReader rows_;
  std::size_t position_ = 0;
};

}  // namespace heliocloud::registry
