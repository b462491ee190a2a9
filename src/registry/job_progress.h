#pragma once
// JobProgress: what the dataset table keeps about one ingest job while it runs and after it ends, so that any
// run (a rerun after a crash, the next Lambda invocation, `heliocloud status`) knows where the job stands.
// A dataset's `rows_done` counts manifest rows, in file order, whose files are published, indexed and in the
// record; a run resumes after them. `manifest_hash` ties that count to the manifest it counts in: a manifest
// uploaded again starts its dataset over (harmless: every step of a chunk can be repeated).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry/key_hashes.h"
#include "registry/time.h"

namespace heliocloud::registry {

enum class JobState { Running, Waiting, Published, Failed };

[[nodiscard]] std::string_view to_string(JobState state);

struct DatasetProgress {
  std::string id;
  std::string manifest_hash;
  std::size_t files_total = 0;
  std::size_t rows_done = 0;
  std::uint64_t bytes_total = 0;
  std::uint64_t bytes_done = 0;
  std::string error;  // the last failure of this dataset; empty once it is published

  [[nodiscard]] bool done() const { return files_total > 0 && rows_done == files_total && error.empty(); }

  friend bool operator==(const DatasetProgress&, const DatasetProgress&) = default;
};

struct JobProgress {
  std::string job;  // "s3://<bucket>/<folder>/": the key in the dataset table
  JobState state = JobState::Running;
  Instant started;    // first run of this job
  Instant updated;    // last write
  Instant finished;   // when it was published or failed (Running/Waiting: unset)
  int runs = 0;       // invocations or reruns that worked on it
  std::string error;  // job-level failure (entries.json unusable), or the last dataset error
  std::vector<DatasetProgress> datasets;

  [[nodiscard]] std::size_t files_total() const;
  [[nodiscard]] std::size_t files_done() const;
  [[nodiscard]] std::uint64_t bytes_total() const;
  [[nodiscard]] std::uint64_t bytes_done() const;
  [[nodiscard]] DatasetProgress* dataset(const std::string& id);

  friend bool operator==(const JobProgress&, const JobProgress&) = default;
};

// A stored job is one item of the dataset table, which DynamoDB caps at 400 KB: errors are stored up to these
// many bytes each, cut at a line, with how many lines were left out (the run's own output has them all).
inline constexpr std::size_t kMaxStoredJobError = 8192;
inline constexpr std::size_t kMaxStoredDatasetError = 2048;

// `text` if it has at most `max_bytes`, else its first lines within them and "… N more lines".
[[nodiscard]] std::string shortened_error(const std::string& text, std::size_t max_bytes);

[[nodiscard]] nlohmann::ordered_json to_json(const JobProgress& progress);
// Throws std::runtime_error naming the field when a stored job is malformed.
[[nodiscard]] JobProgress job_progress_from_json(const nlohmann::ordered_json& json);

// A stable 64-bit FNV-1a hash of a manifest's text, as 16 hex digits (the same in every build and process).
[[nodiscard]] std::string manifest_hash(std::string_view text);

// manifest_hash() of a text read in pieces.
class ManifestHasher {
 public:
  void add(std::string_view piece);
  [[nodiscard]] std::string hex() const;

 private:
  std::uint64_t h_ = kFnvOffsetBasis;
};

}  // namespace heliocloud::registry
