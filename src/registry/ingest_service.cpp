#include "registry/ingest_service.h"

#include <unistd.h>

#include <algorithm>
#include <exception>
#include <future>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "base/parallel_for.h"
#include "base/process.h"
#include "registry/index_set.h"
#include "registry/retry.h"

namespace heliocloud::registry {

namespace {

// Polling another ingest's lease: quickly at first (short jobs), then every two seconds at most.
constexpr base::Backoff kLeasePoll{.base = std::chrono::milliseconds(20),
                                   .cap = std::chrono::milliseconds(2000)};
// Between rounds of deleting the job files that failed transiently (each round is itself retried).
constexpr base::Backoff kCleanUpBackoff{.base = std::chrono::milliseconds(200),
                                        .cap = std::chrono::milliseconds(5000)};
// A job's own lease: another run of the same job (a second `heliocloud ingest`, a late Lambda retry) waits
// this long for it, then gives up and says so; the run holding it is not disturbed.
constexpr std::chrono::seconds kJobLeaseWait{20};

// Unique per service instance: host, process and a random part (two services in one process must differ).
std::string make_lease_owner() {
  std::random_device rd;
  return base::host_name() + "/" + std::to_string(getpid()) + "/" + std::to_string(rd()) +
         std::to_string(rd());
}

// A lease held by a process of this host that no longer exists (killed): "<host>/<pid>/<random>".
bool held_by_dead_local_process(const std::string& owner) {
  const auto first = owner.find('/');
  const auto second = owner.find('/', first == std::string::npos ? first : first + 1);
  if (first == std::string::npos || second == std::string::npos ||
      owner.substr(0, first) != base::host_name())
    return false;
  try {
    const auto pid = static_cast<pid_t>(std::stol(owner.substr(first + 1, second - first - 1)));
    return base::process_is_gone(pid);
  } catch (const std::exception&) {
    return false;
  }
}

struct LeaseTerms {
  std::chrono::seconds ttl;
  std::chrono::seconds wait;
  bool on_this_host;
  std::string busy_message;  // why the lease could not be had, and what to do
};

// Holds a lease (a dataset's, or a job's) for the lifetime of the object.
class Lease {
 public:
  Lease(DatasetStore& store, std::string id, std::string owner, const LeaseTerms& terms)
      : store_(store), id_(std::move(id)), owner_(std::move(owner)), ttl_(terms.ttl) {
    const auto deadline = std::chrono::steady_clock::now() + terms.wait;
    for (int attempt = 1; !store_.try_acquire_lease(id_, owner_, ttl_); ++attempt) {
      if (terms.on_this_host) {
        if (const auto holder = store_.lease_holder(id_); holder && held_by_dead_local_process(*holder)) {
          store_.release_lease(id_, *holder);  // only if it is still that holder's
          continue;
        }
      }
      if (std::chrono::steady_clock::now() >= deadline) throw std::runtime_error(terms.busy_message);
      std::this_thread::sleep_for(base::backoff_delay(kLeasePoll, attempt));
    }
  }
  ~Lease() {
    try {
      store_.release_lease(id_, owner_);
    } catch (...) {  // ignored: the lease expires on its own
    }
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

  // Extends the lease by its ttl from now: a job of many chunks outlasts one ttl.
  void renew() {
    if (!store_.try_acquire_lease(id_, owner_, ttl_))
      throw std::runtime_error("lost the lease of " + id_ + " to another run (held longer than its " +
                               std::to_string(ttl_.count()) + " s); run the job again");
  }

 private:
  DatasetStore& store_;
  std::string id_;
  std::string owner_;
  std::chrono::seconds ttl_;
};

}  // namespace

std::size_t chunk_size(std::size_t file_count, std::size_t chunk_files) {
  if (chunk_files > 0) return chunk_files;
  return std::clamp(file_count / kChunksPerDataset, kMinChunkFiles, kMaxChunkFiles);
}

std::string job_key(const JobLocation& job) {
  return "s3://" + job.bucket + "/" + (job.folder.empty() ? "" : job.folder + "/");
}

bool IngestResult::ok() const {
  return problems.empty() && std::ranges::all_of(datasets, [](const auto& d) { return d.ok(); });
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
  j["unfinished"] = unfinished;
  j["files_total"] = files_total;
  j["files_done"] = files_done;
  if (!nothing_to_do.empty()) j["nothing_to_do"] = nothing_to_do;
  return j;
}

// One run of one job: the plan, the job's progress as stored, and the chunks still to do.
class IngestService::Run {
 public:
  Run(IngestService& service, const JobLocation& job) : s_(service), job_(job), key_(job_key(job)) {}

  IngestResult execute() {
    IngestResult result;
    Lease job_lease(
        s_.records_, "job#" + key_, s_.lease_owner_,
        {.ttl = s_.options_.lease_ttl,
         .wait = kJobLeaseWait,
         .on_this_host = s_.options_.leases_on_this_host,
         .busy_message = "job " + key_ + " is being ingested by another run; `heliocloud status` shows it"});
    const auto stored = s_.records_.get_job(key_);
    ValidateOptions checks;
    checks.manifest_piece_bytes = s_.options_.manifest_piece_bytes;
    if (stored && stored->state != JobState::Published) checks.resume = &*stored;
    const auto plan = validate_job(s_.objects_, &s_.records_, s_.settings_, job_, checks);
    if (!plan.problems.empty()) {
      // entries.json gone after the job was published: a rerun, with nothing left to do.
      if (stored && stored->state == JobState::Published &&
          !s_.objects_.get(job_.bucket, job_.key(kEntriesFile))) {
        result.nothing_to_do = "job " + key_ + " was published at " + format_time(stored->finished, 0);
        result.files_total = result.files_done = stored->files_total();
        return result;
      }
      result.problems = plan.problems;
      progress_ = resumable(stored);
      start_progress();
      progress_.state = JobState::Failed;
      progress_.error = to_string(plan.problems);
      progress_.finished = now_utc();
      save_progress();
      return result;
    }

    progress_ = resumable(stored);
    start_progress();
    for (const auto& d : plan.datasets) {
      if (!d.ok()) continue;
      auto* p = progress_.dataset(d.id());
      if (p == nullptr) {
        progress_.datasets.push_back({.id = d.id()});
        p = &progress_.datasets.back();
      }
      if (p->manifest_hash != d.manifest_hash || p->files_total != d.file_count) {
        *p = {.id = d.id(), .manifest_hash = d.manifest_hash};  // a new manifest starts over
      }
      p->files_total = d.file_count;
      p->bytes_total = d.bytes;
      if (p->rows_done == 0) p->bytes_done = 0;
    }
    save_progress();

    for (const auto& dataset : plan.datasets) {
      DatasetResult r;
      r.id = dataset.id();
      if (finished_before(dataset, stored)) {
        // Published by an earlier run that stopped before entries.json was rewritten.
        const auto* p = progress_.dataset(dataset.parsed.entry.value().id);
        r.files_added = p->files_total;
        r.bytes = p->bytes_total;
      } else if (!dataset.ok()) {
        r.error = to_string(dataset.problems);
        if (progress_.error.empty()) progress_.error = r.id + ": " + r.error;
      } else {
        try {
          publish(plan, dataset, job_lease, r);
        } catch (const std::exception& e) {
          r.error = e.what();
        }
        note_dataset_error(r);
      }
      if (!stopped_ && s_.options_.progress != nullptr) s_.options_.progress->dataset_finished(r);
      result.datasets.push_back(std::move(r));
    }

    result.unfinished = stopped_;
    result.files_total = progress_.files_total();
    result.files_done = progress_.files_done();
    if (stopped_) {
      progress_.state = JobState::Waiting;
    } else {
      try {
        // The manifests last: while one is there, a rerun finds its dataset (done or not) and finishes it.
        for (std::size_t i = 0; i < plan.datasets.size(); ++i) {
          const auto& d = plan.datasets[i];
          if (!result.datasets[i].ok() || d.manifest_key.empty()) continue;
          with_retries(s_.options_.attempts, [&] { s_.objects_.remove(job_.bucket, d.manifest_key); });
        }
        finish_entries_file(plan, result);
      } catch (const std::exception& e) {
        result.problems.push_back({.where = std::string(kEntriesFile),
                                   .message = std::string("could not be updated: ") + e.what(),
                                   .fix = "run the job again"});
      }
      progress_.state = result.ok() ? JobState::Published : JobState::Failed;
      progress_.finished = now_utc();
      if (!result.ok() && progress_.error.empty()) progress_.error = to_string(result.problems);
    }
    try {
      save_progress();
    } catch (const std::exception& e) {
      result.problems.push_back({.where = "job progress in the dataset table",
                                 .message = std::string("could not be written: ") + e.what(),
                                 .fix = "run the job again"});
    }
    return result;
  }

 private:
  // A chunk whose files are being copied (copy_async).
  struct ChunkCopy {
    std::chrono::steady_clock::time_point began;
    std::future<std::vector<PlannedFile>> files;  // when copied
  };

  // The stored progress to go on from; a published job run again (uploaded anew) starts from nothing but
  // keeps counting its runs, by which `heliocloud ingest` tells the run it started from earlier ones.
  static JobProgress resumable(const std::optional<JobProgress>& stored) {
    if (!stored) return {};
    if (stored->state != JobState::Published) return *stored;
    JobProgress fresh;
    fresh.runs = stored->runs;
    return fresh;
  }

  void start_progress() {
    const auto now = now_utc();
    progress_.job = key_;
    if (progress_.started == Instant{}) progress_.started = now;
    progress_.state = JobState::Running;
    progress_.finished = {};
    progress_.error.clear();
    ++progress_.runs;
  }

  void save_progress() {
    progress_.updated = now_utc();
    with_retries(s_.options_.attempts, [&] { s_.records_.put_job(progress_); });
  }

  void note_dataset_error(const DatasetResult& r) {
    auto* p = progress_.dataset(r.id);
    if (p == nullptr) return;
    p->error = r.error;
    if (!r.ok() && progress_.error.empty()) progress_.error = r.id + ": " + r.error;
  }

  // Between chunks: would the next one still end before the deadline? Judged by the longest chunk so far and
  // the one about to be finished (its copies began at `began`).
  [[nodiscard]] bool out_of_time(std::chrono::steady_clock::time_point began) const {
    if (!s_.options_.deadline) return false;
    const auto now = std::chrono::steady_clock::now();
    return now + 2 * std::max(longest_chunk_, now - began) > *s_.options_.deadline;
  }

  // A dataset whose manifest is gone although an unfinished run of this job published all of it.
  [[nodiscard]] static bool finished_before(const DatasetPlan& plan,
                                            const std::optional<JobProgress>& stored) {
    if (!stored || stored->state == JobState::Published || !plan.parsed.entry || !plan.manifest_key.empty())
      return false;
    return std::any_of(stored->datasets.begin(), stored->datasets.end(),
                       [&](const auto& d) { return d.id == plan.parsed.entry->id && d.done(); });
  }

  // The manifest is read again as the chunks go, a chunk's rows at a time (PlannedFiles): memory holds one
  // chunk, whatever the size of the job (issue 15).
  void publish(const JobPlan& job, const DatasetPlan& plan, Lease& job_lease, DatasetResult& result) {
    if (stopped_) return;
    if (plan.file_count == 0) throw std::runtime_error("the manifest lists no files");
    auto& p = *progress_.dataset(plan.id());
    p.error.clear();
    const auto& entry = plan.parsed.entry.value();
    if (s_.options_.progress != nullptr) {
      s_.options_.progress->dataset_started(entry.id, p.files_total, p.bytes_total);
      if (p.rows_done > 0) s_.options_.progress->dataset_resumed(entry.id, p.rows_done, p.bytes_done);
    }
    const auto chunk = chunk_size(plan.file_count, s_.options_.chunk_files);
    PlannedFiles files(s_.objects_, job.job, plan, s_.options_.manifest_piece_bytes);
    remove_leftovers(job, plan, files, p.rows_done, chunk);

    // The next chunk's files are copied, on their own thread, while this thread finishes a chunk (index
    // merge, progress, clean-up), so the copies do not stall at every chunk boundary. A chunk's rows still
    // reach the index only after all of its files are published, and chunks finish one at a time, in manifest
    // order. The merge stays on this thread: its large allocations (a year file) then come back to one malloc
    // arena instead of spreading over the threads' (measured: 25 MB peak RSS instead of 48 MB at 200,000
    // rows).
    std::size_t rows_planned = p.rows_done;
    std::optional<ChunkCopy> copying;
    const auto copy_next = [&] {
      auto planned = files.next(chunk);
      rows_planned += planned.size();
      copying = ChunkCopy{.began = std::chrono::steady_clock::now(),
                          .files = copy_async(job, entry, std::move(planned))};
    };
    if (rows_planned < plan.file_count) copy_next();
    while (copying) {
      const auto began = copying->began;
      const auto copied = copying->files.get();  // rethrows the copies' failure
      copying.reset();
      std::exception_ptr next_failure;  // the manifest changed, say: the chunk copied is finished first
      if (rows_planned < plan.file_count) {
        if (out_of_time(began)) {
          stopped_ = true;
        } else {
          try {
            copy_next();
          } catch (const std::exception&) {
            next_failure = std::current_exception();
          }
        }
      }
      finish_chunk(job, plan, p, copied);
      job_lease.renew();
      longest_chunk_ = std::max(longest_chunk_, std::chrono::steady_clock::now() - began);
      if (next_failure) std::rethrow_exception(next_failure);
    }
    if (stopped_) return;
    result.files_added = plan.file_count;
    result.bytes = p.bytes_total;
    result.years = plan.years;
  }

  // A copied chunk's rows merged into the index, its progress saved and its files deleted from the job: the
  // consistent state a later run resumes from.
  void finish_chunk(const JobPlan& job, const DatasetPlan& plan, DatasetProgress& p,
                    const std::vector<PlannedFile>& planned) {
    merge_index(plan, planned);
    std::uint64_t bytes = 0;
    std::vector<std::string> sources;
    for (const auto& f : planned) {
      bytes += f.row.size;
      if (f.in_job) sources.push_back(f.source_key);
    }
    p.rows_done += planned.size();
    p.bytes_done += bytes;
    save_progress();
    remove_job_files(job, sources);
  }

  // Copies a chunk's files on a thread of its own and hands them back when all are copied.
  std::future<std::vector<PlannedFile>> copy_async(const JobPlan& job, const Entry& entry,
                                                   std::vector<PlannedFile> files) {
    return std::async(std::launch::async, [this, &job, &entry, files = std::move(files)]() mutable {
      copy_files(job, entry, files);
      return std::move(files);
    });
  }

  // Files of finished chunks still in the job (a crash between the progress write and the deletes): read
  // past in the manifest, and deleted a chunk at a time.
  void remove_leftovers(const JobPlan& job, const DatasetPlan& plan, PlannedFiles& files,
                        std::size_t rows_done, std::size_t chunk) {
    const auto end = plan.in_job.begin() + static_cast<std::ptrdiff_t>(rows_done);
    if (std::find(plan.in_job.begin(), end, true) == end) {
      if (rows_done < plan.file_count) files.skip(rows_done);  // else there is nothing more to read
      return;
    }
    while (files.position() < rows_done) {
      std::vector<std::string> leftovers;
      for (auto& f : files.next(std::min(chunk, rows_done - files.position()))) {
        if (f.in_job) leftovers.push_back(std::move(f.source_key));
      }
      remove_job_files(job, leftovers);
    }
  }

  void copy_files(const JobPlan& job, const Entry& entry, const std::vector<PlannedFile>& files) {
    std::mutex mutex;
    std::vector<std::string> failures;
    // Each copy records its own failure, so parallel_for has none to return.
    base::parallel_for(files.size(), {.concurrency = s_.options_.parallel_copies}, [&](std::size_t i) {
      const auto& f = files[i];
      try {
        // Copying again after an interrupted run is harmless: the destination is replaced as a whole.
        if (f.in_job) {
          with_retries(s_.options_.attempts, [&] {
            s_.objects_.copy(job.job.bucket, f.source_key, entry.index.bucket, f.destination_key);
          });
        }
        if (s_.options_.progress != nullptr) s_.options_.progress->file_copied(entry.id, f.row.size);
      } catch (const std::exception& e) {
        std::scoped_lock lock(mutex);
        failures.emplace_back(e.what());
      }
    });
    if (!failures.empty()) {
      std::ranges::sort(failures);
      std::string message = std::to_string(failures.size()) + " of " + std::to_string(files.size()) +
                            " files could not be copied; run the job again to retry:";
      for (std::size_t i = 0; i < failures.size() && i < 20; ++i) message += "\n  " + failures[i];
      throw std::runtime_error(message);
    }
  }

  void merge_index(const DatasetPlan& plan, const std::vector<PlannedFile>& files) {
    const auto& entry = plan.parsed.entry.value();
    const Lease lease(s_.records_, entry.id, s_.lease_owner_,
                      {.ttl = s_.options_.lease_ttl,
                       .wait = s_.options_.lease_wait,
                       .on_this_host = s_.options_.leases_on_this_host,
                       .busy_message = "dataset " + entry.id +
                                       " is being ingested by another job; run this job again later"});
    const auto attempts = s_.options_.attempts;
    auto& objects = s_.objects_;

    // The lease makes us the only writer of this dataset's index files. The conditional put guards the record
    // against a writer whose lease expired under it; on a conflict, read everything again and redo the merge.
    for (int attempt = 1;; ++attempt) {
      const auto stored = s_.records_.get(entry.id);
      if (stored && stored->record.extra_columns != plan.extra_columns) {
        throw std::runtime_error("the manifest's extra columns differ from those of the published dataset");
      }
      // The dataset's year files, by year; read one at a time below.
      std::map<int, std::string> existing;
      const auto prefix = entry.index.folder + "/" + entry.id + "_";
      for (const auto& object :
           with_retries(attempts, [&] { return objects.list(entry.index.bucket, prefix); })) {
        if (const auto year = index_file_year(entry.index, entry.id, object.key))
          existing[*year] = object.key;
      }
      const auto read_year = [&](int year) {
        IndexFile file;
        const auto it = existing.find(year);
        if (it == existing.end()) return file;
        const auto text = with_retries(attempts, [&] { return objects.get(entry.index.bucket, it->second); });
        if (text) file = parse_index_file(*text, "s3://" + entry.index.bucket + "/" + it->second);
        return file;
      };

      std::vector<IndexRow> rows;
      rows.reserve(files.size());
      IngestDelta delta;
      delta.start = files.front().row.start;
      delta.stop = files.front().row.stop;
      for (const auto& f : files) {
        rows.push_back(f.row);
        delta.start = std::min(delta.start, f.row.start);
        delta.stop = std::max(delta.stop, f.row.stop);
        delta.file_types.push_back(f.file_type);
      }
      const YearMerger merger(std::move(rows), plan.extra_columns);
      const int published_digits = stored ? stored->record.fraction_digits : 0;
      delta.fraction_digits = merger.fraction_digits(published_digits);
      if (!stored) {
        // Files without a record (a lost or recreated table): learn their precision first, so none is
        // shortened.
        for (const auto& [year, key] : existing)
          delta.fraction_digits = fraction_digits(read_year(year), delta.fraction_digits);
      }
      delta.extra_columns = plan.extra_columns;

      // Year by year: memory holds the chunk's rows and one year file. A finer precision than before means
      // every year file is rewritten: one format for the whole dataset.
      std::set<int> years = merger.incoming_years();
      for (const auto& [year, key] : existing) years.insert(year);
      for (const int year : years) {
        auto file = read_year(year);
        const bool changed = merger.merge(year, file);
        if (!changed && delta.fraction_digits == published_digits) continue;
        const auto body = format_index_file(file, delta.fraction_digits);
        const auto key = index_file_key(entry.index, entry.id, year);
        with_retries(attempts, [&] { objects.put(entry.index.bucket, key, body, "text/csv"); });
      }

      const auto record =
          apply_ingest(stored ? std::optional(stored->record) : std::nullopt, entry, delta, now_utc());
      if (s_.records_.put_if_version(record, stored ? stored->version : 0)) return;
      if (attempt >= 5)
        throw std::runtime_error("dataset " + entry.id + " kept changing under this ingest; run it again");
    }
  }

  void remove_job_files(const JobPlan& job, std::vector<std::string> pending) {
    std::vector<RemoveFailure> failures;
    const auto attempts = s_.options_.attempts;
    const auto remove_pending = [&](int) -> base::NextAttempt {
      failures = with_retries(attempts, [&] { return s_.objects_.remove_many(job.job.bucket, pending); });
      pending.clear();
      for (const auto& f : failures) {
        if (!f.transient) break;   // a permanent failure ends the clean-up; a rerun finishes it
        pending.push_back(f.key);  // only the failed keys again
      }
      if (pending.empty() || pending.size() != failures.size()) return std::nullopt;
      return kCleanUpBackoff;
    };
    if (!pending.empty()) base::retry({.max_attempts = attempts, .give_up_at = std::nullopt}, remove_pending);
    if (!failures.empty()) {
      throw std::runtime_error("published, but " + std::to_string(failures.size()) +
                               " job files could not be deleted (first: " + failures.front().reason +
                               "); run the job again");
    }
  }

  void finish_entries_file(const JobPlan& job, const IngestResult& result) {
    const auto key = job.job.key(kEntriesFile);
    auto failed = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < result.datasets.size(); ++i) {
      if (!result.datasets[i].ok()) failed.push_back(job.datasets[i].parsed.source);
    }
    const auto attempts = s_.options_.attempts;
    if (failed.empty()) {
      with_retries(attempts, [&] { s_.objects_.remove(job.job.bucket, key); });
    } else if (failed.size() < result.datasets.size()) {
      // Only what is left to do, so a rerun does not publish the finished datasets again.
      const auto body = failed.dump(2) + "\n";
      with_retries(attempts, [&] { s_.objects_.put(job.job.bucket, key, body, "application/json"); });
    }
  }

  IngestService& s_;
  const JobLocation& job_;
  std::string key_;
  JobProgress progress_;
  bool stopped_ = false;
  std::chrono::steady_clock::duration longest_chunk_{};
};

IngestService::IngestService(ObjectStore& objects, DatasetStore& records, RegistrySettings settings,
                             IngestOptions options)
    : objects_(objects),
      records_(records),
      settings_(std::move(settings)),
      options_(options),
      lease_owner_(make_lease_owner()) {}

JobPlan IngestService::validate(const JobLocation& job) {
  return validate_job(objects_, &records_, settings_, job,
                      {.manifest_piece_bytes = options_.manifest_piece_bytes});
}

IngestResult IngestService::ingest(const JobLocation& job) {
  return Run(*this, job).execute();
}

}  // namespace heliocloud::registry
