#pragma once
// SqliteDatasetStore: the embedded dataset store for local mode. One file; several processes may use it at
// once (WAL mode, busy timeout); conditional puts and leases are single SQL statements, so they are atomic.
#include <filesystem>
#include <mutex>

#include "registry/dataset_store.h"

struct sqlite3;

namespace heliocloud::registry {

class SqliteDatasetStore final : public DatasetStore {
 public:
  // Opens or creates the database file (and its directory). Throws StoreError.
  explicit SqliteDatasetStore(const std::filesystem::path& file);
  ~SqliteDatasetStore() override;
  SqliteDatasetStore(const SqliteDatasetStore&) = delete;
  SqliteDatasetStore& operator=(const SqliteDatasetStore&) = delete;

  [[nodiscard]] std::optional<StoredRecord> get(const std::string& id) override;
  [[nodiscard]] std::vector<StoredRecord> list() override;
  [[nodiscard]] bool put_if_version(const DatasetRecord& record, std::uint64_t expected_version) override;
  [[nodiscard]] bool try_acquire_lease(const std::string& id, const std::string& owner,
                                       std::chrono::seconds ttl) override;
  void release_lease(const std::string& id, const std::string& owner) override;
  [[nodiscard]] std::optional<std::string> lease_holder(const std::string& id) override;
  [[nodiscard]] std::optional<JobProgress> get_job(const std::string& job) override;
  void put_job(const JobProgress& progress) override;
  [[nodiscard]] std::vector<JobProgress> list_jobs() override;

 private:
  sqlite3* db_ = nullptr;
  std::mutex mutex_;  // one connection, used by one thread at a time
  std::filesystem::path file_;
};

}  // namespace heliocloud::registry
