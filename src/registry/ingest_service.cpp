#include "registry/ingest_service.h"

#include <unistd.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "base/parallel_for.h"
#include "registry/index_set.h"
#include "registry/retry.h"

namespace heliocloud::registry {

namespace {

// Polling another ingest's lease: quickly at first (short jobs), then every two seconds at most.
constexpr base::Backoff kLeasePoll{std::chrono::milliseconds(20), std::chrono::milliseconds(2000)};
// Between rounds of deleting the job files that failed transiently (each round is itself retried).
constexpr base::Backoff kCleanUpBackoff{std::chrono::milliseconds(200), std::chrono::milliseconds(5000)};

// Unique per service instance: host, process and a random part (two services in one process must differ).
std::string make_lease_owner() {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  std::random_device rd;
  return std::string(host) + "/" + std::to_string(getpid()) + "/" + std::to_string(rd()) +
         std::to_string(rd());
}

// Holds a dataset's lease for the lifetime of the object.
class Lease {
 public:
  Lease(DatasetStore& store, std::string id, std::string owner, std::chrono::seconds ttl,
        std::chrono::seconds wait)
      : store_(store), id_(std::move(id)), owner_(std::move(owner)) {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (int attempt = 1; !store_.try_acquire_lease(id_, owner_, ttl); ++attempt) {
      if (std::chrono::steady_clock::now() >= deadline) {
        throw std::runtime_error("dataset " + id_ +
                                 " is being ingested by another job; run this job again later");
      }
      std::this_thread::sleep_for(base::backoff_delay(kLeasePoll, attempt));
    }
  }
  ~Lease() {
    try {
      store_.release_lease(id_, owner_);
    } catch (...) {  // the lease expires on its own
    }
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

 private:
  DatasetStore& store_;
  std::string id_;
  std::string owner_;
};

}  // namespace

bool IngestResult::ok() const {
  return problems.empty() &&
         std::all_of(datasets.begin(), datasets.end(), [](const auto& d) { return d.ok(); });
}

nlohmann::ordered_json IngestResult::to_json() const {
  nlohmann::ordered_json j;
  j["ok"] = ok();
  auto problems_json = nlohmann::ordered_json::array();
  for (const auto& p : problems) problems_json.push_back(p.to_string());
  j["problems"] = problems_json;
  auto ds = nlohmann::ordered_json::array();
  for (const auto& d : datasets) {
    nlohmann::ordered_json e;
    e["id"] = d.id;
    e["files_added"] = d.files_added;
    e["bytes"] = d.bytes;
    e["years"] = d.years;
    if (!d.ok()) e["error"] = d.error;
    ds.push_back(std::move(e));
  }
  j["datasets"] = ds;
  return j;
}

IngestService::IngestService(ObjectStore& objects, DatasetStore& records, RegistrySettings settings,
                             IngestOptions options)
    : objects_(objects),
      records_(records),
      settings_(std::move(settings)),
      options_(options),
      lease_owner_(make_lease_owner()) {}

JobPlan IngestService::validate(const JobLocation& job) {
  return validate_job(objects_, &records_, settings_, job);
}

IngestResult IngestService::ingest(const JobLocation& job) {
  IngestResult result;
  const auto plan = validate(job);
  result.problems = plan.problems;
  if (!plan.problems.empty()) return result;  // entries.json unusable: nothing to do, nothing touched

  for (const auto& dataset : plan.datasets) {
    DatasetResult r;
    r.id = dataset.id();
    if (!dataset.ok()) {
      r.error = to_string(dataset.problems);
    } else {
      try {
        publish(plan, dataset, r);
      } catch (const std::exception& e) {
        r.error = e.what();
      }
    }
    if (options_.progress != nullptr) options_.progress->dataset_finished(r);
    result.datasets.push_back(std::move(r));
  }
  try {
    finish_entries_file(plan, result);
  } catch (const std::exception& e) {
    result.problems.push_back(
        {std::string(kEntriesFile), std::string("could not be updated: ") + e.what(), "run the job again"});
  }
  return result;
}

void IngestService::publish(const JobPlan& job, const DatasetPlan& plan, DatasetResult& result) {
  if (plan.files.empty()) throw std::runtime_error("the manifest lists no files");
  copy_files(job, plan, result);
  merge_index(plan, result);
  clean_up(job, plan);
}

void IngestService::copy_files(const JobPlan& job, const DatasetPlan& plan, DatasetResult& result) {
  const auto& entry = *plan.parsed.entry;
  std::uint64_t total = 0;
  for (const auto& f : plan.files) total += f.row.size;
  if (options_.progress != nullptr) options_.progress->dataset_started(entry.id, plan.files.size(), total);

  std::mutex mutex;
  std::vector<std::string> failures;
  // Each copy records its own failure, so parallel_for has none to return.
  base::parallel_for(plan.files.size(), {.concurrency = options_.parallel_copies}, [&](std::size_t i) {
    const auto& f = plan.files[i];
    try {
      // Copying again after an interrupted run is harmless: the destination is replaced as a whole.
      if (f.in_job) {
        with_retries(options_.attempts, [&] {
          objects_.copy(job.job.bucket, f.source_key, entry.index.bucket, f.destination_key);
        });
      }
      if (options_.progress != nullptr) options_.progress->file_copied(entry.id, f.row.size);
    } catch (const std::exception& e) {
      std::lock_guard lock(mutex);
      failures.push_back(e.what());
    }
  });
  if (!failures.empty()) {
    std::sort(failures.begin(), failures.end());
    std::string message = std::to_string(failures.size()) + " of " + std::to_string(plan.files.size()) +
                          " files could not be copied; run the job again to retry:";
    for (std::size_t i = 0; i < failures.size() && i < 20; ++i) message += "\n  " + failures[i];
    throw std::runtime_error(message);
  }
  result.files_added = plan.files.size();
  result.bytes = total;
}

void IngestService::merge_index(const DatasetPlan& plan, DatasetResult& result) {
  const auto& entry = *plan.parsed.entry;
  const Lease lease(records_, entry.id, lease_owner_, options_.lease_ttl, options_.lease_wait);

  // The lease makes us the only writer of this dataset's index files. The conditional put guards the record
  // against a writer whose lease expired under it; on a conflict, read everything again and redo the merge.
  for (int attempt = 1;; ++attempt) {
    const auto stored = records_.get(entry.id);
    if (stored && stored->record.extra_columns != plan.manifest.extra_columns) {
      throw std::runtime_error("the manifest's extra columns differ from those of the published dataset");
    }
    // The dataset's year files, by year; read one at a time below.
    std::map<int, std::string> existing;
    const auto prefix = entry.index.folder + "/" + entry.id + "_";
    for (const auto& object :
         with_retries(options_.attempts, [&] { return objects_.list(entry.index.bucket, prefix); })) {
      if (const auto year = index_file_year(entry.index, entry.id, object.key)) existing[*year] = object.key;
    }
    const auto read_year = [&](int year) {
      IndexFile file;
      const auto it = existing.find(year);
      if (it == existing.end()) return file;
      const auto text =
          with_retries(options_.attempts, [&] { return objects_.get(entry.index.bucket, it->second); });
      if (text) file = parse_index_file(*text, "s3://" + entry.index.bucket + "/" + it->second);
      return file;
    };

    std::vector<IndexRow> rows;
    rows.reserve(plan.files.size());
    IngestDelta delta;
    delta.start = plan.files.front().row.start;
    delta.stop = plan.files.front().row.stop;
    for (const auto& f : plan.files) {
      rows.push_back(f.row);
      delta.start = std::min(delta.start, f.row.start);
      delta.stop = std::max(delta.stop, f.row.stop);
      delta.file_types.push_back(f.file_type);
    }
    const YearMerger merger(std::move(rows), plan.manifest.extra_columns);
    const int published_digits = stored ? stored->record.fraction_digits : 0;
    delta.fraction_digits = merger.fraction_digits(published_digits);
    if (!stored) {
      // Files without a record (a lost or recreated table): learn their precision first, so none is
      // shortened.
      for (const auto& [year, key] : existing)
        delta.fraction_digits = fraction_digits(read_year(year), delta.fraction_digits);
    }
    delta.extra_columns = plan.manifest.extra_columns;

    // Year by year: memory holds the job's rows and one year file. A finer precision than before means every
    // year file is rewritten: one format for the whole dataset.
    std::set<int> years = merger.incoming_years();
    for (const auto& [year, key] : existing) years.insert(year);
    for (const int year : years) {
      auto file = read_year(year);
      const bool changed = merger.merge(year, file);
      if (!changed && delta.fraction_digits == published_digits) continue;
      const auto body = format_index_file(file, delta.fraction_digits);
      const auto key = index_file_key(entry.index, entry.id, year);
      with_retries(options_.attempts, [&] { objects_.put(entry.index.bucket, key, body, "text/csv"); });
    }

    const auto record =
        apply_ingest(stored ? std::optional(stored->record) : std::nullopt, entry, delta, now_utc());
    if (records_.put_if_version(record, stored ? stored->version : 0)) {
      result.years.clear();
      for (const auto& f : plan.files) result.years.push_back(f.row.start.year());
      std::sort(result.years.begin(), result.years.end());
      result.years.erase(std::unique(result.years.begin(), result.years.end()), result.years.end());
      return;
    }
    if (attempt >= 5)
      throw std::runtime_error("dataset " + entry.id + " kept changing under this ingest; run it again");
  }
}

void IngestService::clean_up(const JobPlan& job, const DatasetPlan& plan) {
  // Data first, the manifest last: if this stops half-way, the manifest is still there and a rerun finds the
  // deleted files already published (validation accepts them), so it completes.
  std::vector<std::string> pending;
  for (const auto& f : plan.files) {
    if (f.in_job) pending.push_back(f.source_key);
  }
  std::vector<RemoveFailure> failures;
  const auto remove_pending = [&](int) -> base::NextAttempt {
    failures = with_retries(options_.attempts, [&] { return objects_.remove_many(job.job.bucket, pending); });
    pending.clear();
    for (const auto& f : failures) {
      if (!f.transient) break;   // a permanent failure ends the clean-up; a rerun finishes it
      pending.push_back(f.key);  // only the failed keys again
    }
    if (pending.empty() || pending.size() != failures.size()) return std::nullopt;
    return kCleanUpBackoff;
  };
  if (!pending.empty()) base::retry({options_.attempts, std::nullopt}, remove_pending);
  if (!failures.empty()) {
    throw std::runtime_error("published, but " + std::to_string(failures.size()) +
                             " job files could not be deleted (first: " + failures.front().reason +
                             "); run the job again");
  }
  with_retries(options_.attempts, [&] { objects_.remove(job.job.bucket, plan.manifest_key); });
}

void IngestService::finish_entries_file(const JobPlan& job, const IngestResult& result) {
  const auto key = job.job.key(kEntriesFile);
  auto failed = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < result.datasets.size(); ++i) {
    if (!result.datasets[i].ok()) failed.push_back(job.datasets[i].parsed.source);
  }
  if (failed.empty()) {
    with_retries(options_.attempts, [&] { objects_.remove(job.job.bucket, key); });
  } else if (failed.size() < result.datasets.size()) {
    // Only what is left to do, so a rerun does not publish the finished datasets again.
    const auto body = failed.dump(2) + "\n";
    with_retries(options_.attempts, [&] { objects_.put(job.job.bucket, key, body, "application/json"); });
  }
}

}  // namespace heliocloud::registry
