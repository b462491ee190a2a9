#pragma once
// DatasetStore: where dataset records live (DynamoDB when deployed, embedded SQLite locally). Two ingests
// into one dataset must not lose each other's rows, and the index files on S3 cannot be updated
// conditionally, so the store offers a lease per dataset (held while index files are merged) and a versioned,
// conditional put.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "registry/dataset_record.h"
#include "registry/job_progress.h"

namespace heliocloud::registry {

struct StoredRecord {
  DatasetRecord record;
  std::uint64_t version = 0;  // bumped by every successful put
};

class DatasetStore {
 public:
  virtual ~DatasetStore() = default;

  [[nodiscard]] virtual std::optional<StoredRecord> get(const std::string& id) = 0;
  [[nodiscard]] virtual std::vector<StoredRecord> list() = 0;

  // Writes `record` only if the stored version is still `expected_version` (0 = the record must not exist
  // yet). Returns false, writing nothing, when another writer got there first.
  [[nodiscard]] virtual bool put_if_version(const DatasetRecord& record, std::uint64_t expected_version) = 0;

  // Takes the dataset's lease for `owner` until now + ttl if it is free, expired or already `owner`'s.
  // An expired lease is taken over, so a crashed ingest blocks others for at most `ttl`.
  [[nodiscard]] virtual bool try_acquire_lease(const std::string& id, const std::string& owner,
                                               std::chrono::seconds ttl) = 0;
  // Releases the lease if `owner` holds it.
  virtual void release_lease(const std::string& id, const std::string& owner) = 0;
  // Who holds the lease now (expired or not); nullopt when nobody does.
  [[nodiscard]] virtual std::optional<std::string> lease_holder(const std::string& id) = 0;

  // Ingest jobs' progress (JobProgress::job is the key), beside the records so that `heliocloud status`
  // reads both from one place. Only the run holding the job's lease writes it, so a plain put suffices.
  [[nodiscard]] virtual std::optional<JobProgress> get_job(const std::string& job) = 0;
  virtual void put_job(const JobProgress& progress) = 0;
  // Every job, most recently updated first.
  [[nodiscard]] virtual std::vector<JobProgress> list_jobs() = 0;
};

}  // namespace heliocloud::registry
