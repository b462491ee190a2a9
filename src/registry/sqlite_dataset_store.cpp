#include "registry/sqlite_dataset_store.h"

#include <sqlite3.h>

#include "registry/object_store.h"

namespace heliocloud::registry {

namespace {

// A prepared statement that finalizes itself.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql, const std::filesystem::path& file) : db_(db), file_(file) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail("prepare");
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  // true = a row is available.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail("step");
  }
  std::string text(int col) {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p == nullptr ? std::string()
                        : std::string(reinterpret_cast<const char*>(p),
                                      static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
  }
  std::int64_t integer(int col) { return sqlite3_column_int64(stmt_, col); }

 private:
  [[noreturn]] void fail(const char* what) {
    throw StoreError("dataset store " + file_.string() + ": " + what + ": " + sqlite3_errmsg(db_),
                     sqlite3_errcode(db_) == SQLITE_BUSY || sqlite3_errcode(db_) == SQLITE_LOCKED);
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  const std::filesystem::path& file_;
};

std::int64_t epoch_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

StoredRecord read_row(Statement& s) {
  return {.record = record_from_json(nlohmann::ordered_json::parse(s.text(0))),
          .version = static_cast<std::uint64_t>(s.integer(1))};
}

}  // namespace

SqliteDatasetStore::SqliteDatasetStore(const std::filesystem::path& file) : file_(file) {
  std::error_code ec;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    const std::string why = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("cannot open dataset store " + file.string() + ": " + why);
  }
  // Other processes (a second `heliocloud ingest`) may hold the write lock for a moment: wait, don't fail.
  sqlite3_busy_timeout(db_, 30'000);
  for (const char* sql : {"PRAGMA journal_mode=WAL",
                          "CREATE TABLE IF NOT EXISTS datasets (id TEXT PRIMARY KEY, body TEXT NOT NULL, "
                          "version INTEGER NOT NULL)",
                          "CREATE TABLE IF NOT EXISTS leases (id TEXT PRIMARY KEY, owner TEXT NOT NULL, "
                          "expires INTEGER NOT NULL)",
                          "CREATE TABLE IF NOT EXISTS jobs (job TEXT PRIMARY KEY, body TEXT NOT NULL, "
                          "updated TEXT NOT NULL)"}) {
    Statement s(db_, sql, file_);
    while (s.step()) {
    }
  }
}

SqliteDatasetStore::~SqliteDatasetStore() {
  sqlite3_close(db_);
}

std::optional<StoredRecord> SqliteDatasetStore::get(const std::string& id) {
  std::scoped_lock lock(mutex_);
  Statement s(db_, "SELECT body, version FROM datasets WHERE id = ?1", file_);
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_row(s);
}

std::vector<StoredRecord> SqliteDatasetStore::list() {
  std::scoped_lock lock(mutex_);
  Statement s(db_, "SELECT body, version FROM datasets ORDER BY id", file_);
  std::vector<StoredRecord> out;
  while (s.step()) out.push_back(read_row(s));
  return out;
}

bool SqliteDatasetStore::put_if_version(const DatasetRecord& record, std::uint64_t expected_version) {
  std::scoped_lock lock(mutex_);
  const auto body = to_json(record).dump();
  if (expected_version == 0) {
    Statement s(db_, "INSERT INTO datasets (id, body, version) VALUES (?1, ?2, 1) ON CONFLICT(id) DO NOTHING",
                file_);
    s.bind(1, record.id).bind(2, body);
    s.step();
  } else {
    Statement s(db_, "UPDATE datasets SET body = ?2, version = version + 1 WHERE id = ?1 AND version = ?3",
                file_);
    s.bind(1, record.id).bind(2, body).bind(3, static_cast<std::int64_t>(expected_version));
    s.step();
  }
  return sqlite3_changes(db_) == 1;
}

bool SqliteDatasetStore::try_acquire_lease(const std::string& id, const std::string& owner,
                                           std::chrono::seconds ttl) {
  std::scoped_lock lock(mutex_);
  const auto now = epoch_seconds();
  Statement s(
      db_,
      "INSERT INTO leases (id, owner, expires) VALUES (?1, ?2, ?3) ON CONFLICT(id) DO UPDATE SET "
      "owner = excluded.owner, expires = excluded.expires WHERE leases.expires < ?4 OR leases.owner = ?2",
      file_);
  s.bind(1, id).bind(2, owner).bind(3, now + ttl.count()).bind(4, now);
  s.step();
  return sqlite3_changes(db_) == 1;
}

void SqliteDatasetStore::release_lease(const std::string& id, const std::string& owner) {
  std::scoped_lock lock(mutex_);
  Statement s(db_, "DELETE FROM leases WHERE id = ?1 AND owner = ?2", file_);
  s.bind(1, id).bind(2, owner);
  s.step();
}

std::optional<std::string> SqliteDatasetStore::lease_holder(const std::string& id) {
  std::scoped_lock lock(mutex_);
  Statement s(db_, "SELECT owner FROM leases WHERE id = ?1", file_);
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

std::optional<JobProgress> SqliteDatasetStore::get_job(const std::string& job) {
  std::scoped_lock lock(mutex_);
  Statement s(db_, "SELECT body FROM jobs WHERE job = ?1", file_);
  s.bind(1, job);
  if (!s.step()) return std::nullopt;
  return job_progress_from_json(nlohmann::ordered_json::parse(s.text(0)));
}

void SqliteDatasetStore::put_job(const JobProgress& progress) {
  std::scoped_lock lock(mutex_);
  Statement s(db_,
              "INSERT INTO jobs (job, body, updated) VALUES (?1, ?2, ?3) ON CONFLICT(job) DO UPDATE SET "
              "body = excluded.body, updated = excluded.updated",
              file_);
  s.bind(1, progress.job).bind(2, to_json(progress).dump()).bind(3, format_time(progress.updated, 9));
  s.step();
}

std::vector<JobProgress> SqliteDatasetStore::list_jobs() {
  std::scoped_lock lock(mutex_);
  Statement s(db_, "SELECT body FROM jobs ORDER BY updated DESC, job", file_);
  std::vector<JobProgress> out;
  while (s.step()) out.push_back(job_progress_from_json(nlohmann::ordered_json::parse(s.text(0))));
  return out;
}

}  // namespace heliocloud::registry
