#pragma once
// IngestService: publishes the datasets of an ingest job (issue 5, "Ingest" steps 1-5), written only against
// ObjectStore and DatasetStore so it runs the same in Lambda, on any S3 endpoint and on a local directory.
//
// A dataset is published in chunks of manifest rows (issue 15). Each chunk ends in a consistent published
// state: its files are copied, then its rows merged into the year index files, then the dataset record is
// updated, then the job's progress (rows done) is written to the dataset table, and only then are the chunk's
// files deleted from the job. Readers so never see an index row whose file is not there, a crash loses at
// most the chunks in flight, and any later run (a rerun, the next Lambda invocation) resumes after the last
// finished chunk. The next chunk's copies run while a chunk is being merged, saved and cleaned up, so the
// copies never wait for the index; memory holds at most those two chunks.
#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "registry/dataset_store.h"
#include "registry/job_progress.h"
#include "registry/job_validator.h"
#include "registry/object_store.h"
#include "registry/progress.h"
#include "registry/settings.h"

namespace heliocloud::registry {

// Rows per chunk, when not set (IngestOptions::chunk_files = 0): 1% of the dataset's files, at least
// kMinChunkFiles and at most kMaxChunkFiles. Measured (README, "Measured"): at 250 to 4,000 files per
// chunk the chunked path copies as fast as a plain CopyObject loop, so the floor only bounds what a crash
// repeats. But every chunk reads and rewrites the year index files its rows land in, so with a fixed size
// publishing grows with the square of a dataset's rows per year (1,000,000 rows in chunks of 1,000: 302 s of
// CPU); a hundred chunks per dataset keep that linear up to the ceiling, which bounds a chunk's memory (about
// 300 bytes a row) and its time within one Lambda invocation.
inline constexpr std::size_t kMinChunkFiles = 1000;
inline constexpr std::size_t kMaxChunkFiles = 20000;
inline constexpr std::size_t kChunksPerDataset = 100;

// The chunk size for a dataset of `file_count` rows: `chunk_files` when set, else as above.
[[nodiscard]] std::size_t chunk_size(std::size_t file_count, std::size_t chunk_files);

struct DatasetResult {
  std::string id;
  std::size_t files_added = 0;  // files of the dataset's manifest published by the job (all runs)
  std::uint64_t bytes = 0;
  std::vector<int> years;  // index files written
  std::string error;       // empty = published and cleaned up (or, when the job is unfinished, in progress)

  [[nodiscard]] bool ok() const { return error.empty(); }
};

struct IngestResult {
  Problems problems;  // job-level (entries.json missing or unreadable)
  std::vector<DatasetResult> datasets;
  // Set when the job had been published before and there was nothing left to do: "job X was published at T".
  std::string nothing_to_do;
  // The run stopped between chunks for lack of time (IngestOptions::deadline); the job's progress is saved
  // and the next run resumes it.
  bool unfinished = false;
  std::size_t files_total = 0;
  std::size_t files_done = 0;

  [[nodiscard]] bool ok() const;
  // {"ok", "problems", "datasets": [{"id", "files_added", "bytes", "years", "error"?}], "unfinished",
  //  "files_total", "files_done", "nothing_to_do"?}
  [[nodiscard]] nlohmann::ordered_json to_json() const;
};

struct IngestOptions {
  std::size_t parallel_copies = 16;
  std::size_t chunk_files = 0;           // rows per chunk; 0 = chunk_size()'s choice for each dataset
  int attempts = 4;                      // per copy / put, with exponential backoff on transient errors
  std::chrono::seconds lease_ttl{900};   // a crashed ingest blocks its dataset at most this long
  std::chrono::seconds lease_wait{900};  // how long to wait for another ingest of the same dataset
  // When every process using the dataset store runs on this machine (a local directory or SQLite file): a
  // lease whose holder is a process of this host that is gone is taken over at once instead of after
  // lease_ttl (a killed `heliocloud ingest --local` does not block the rerun).
  bool leases_on_this_host = false;
  // Stop between chunks when the next one might not finish before this time (a Lambda invocation's end); at
  // least one chunk is done per run, so every run makes progress.
  std::optional<std::chrono::steady_clock::time_point> deadline;
  ProgressSink* progress = nullptr;
  // Manifests are read this many bytes at a time (ObjectReader), when validating and again when publishing.
  std::size_t manifest_piece_bytes = kReadPieceBytes;
};

class IngestService {
 public:
  IngestService(ObjectStore& objects, DatasetStore& records, RegistrySettings settings,
                IngestOptions options = {});

  // Step 1 only; writes nothing.
  [[nodiscard]] JobPlan validate(const JobLocation& job);

  // Validates everything, then publishes every valid dataset chunk by chunk, resuming after the chunks an
  // earlier run finished. A failure at any point leaves the job re-runnable; a rerun finishes it without
  // duplicate rows.
  [[nodiscard]] IngestResult ingest(const JobLocation& job);

 private:
  class Run;
  ObjectStore& objects_;
  DatasetStore& records_;
  RegistrySettings settings_;
  IngestOptions options_;
  std::string lease_owner_;
};

// The key of a job's progress in the dataset table: "s3://<bucket>/<folder>/".
[[nodiscard]] std::string job_key(const JobLocation& job);

}  // namespace heliocloud::registry
