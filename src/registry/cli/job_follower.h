#pragma once
// Following an ingest job through its progress in the dataset table (`heliocloud ingest <instance> <job>`
// after starting the Ingester, which may take several invocations), and printing jobs for `heliocloud
// status`.
#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "registry/dataset_store.h"
#include "registry/job_progress.h"

namespace heliocloud::registry::cli {

struct FollowOptions {
  std::chrono::milliseconds poll{1000};
  // No run has picked the job up this long after it was started: the function never ran (see its log).
  std::chrono::seconds start_timeout{120};
  // The job's progress has not moved for this long while not finished: a run died (Lambda's 15 minutes).
  std::chrono::seconds stall_timeout{1200};
  std::FILE* bar = stderr;  // the progress bar; nullptr for none
};

class FollowError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Polls `job` until a run newer than `runs_before` (JobProgress::runs before the job was started; 0 when it
// had none) has published it or failed, drawing a progress bar (files, bytes, rate, ETA). Returns the final
// progress. Throws FollowError when no run starts or the job stalls, saying what to look at.
[[nodiscard]] JobProgress follow_job(DatasetStore& store, const std::string& job, int runs_before,
                                     const FollowOptions& options = {});

// "12,000/100,000 files, 1.2 GB of 10.0 GB" and, with a rate, ", 20.0 MB/s, ETA 3m10s".
[[nodiscard]] std::string progress_line(const JobProgress& job, std::optional<double> bytes_per_second);

// One line per job (newest first): state, files, bytes, last update, last error.
void print_jobs(const std::vector<JobProgress>& jobs, std::ostream& out);
// One job in full: its state, times, runs, each dataset's progress and error.
void print_job(const JobProgress& job, std::ostream& out);

}  // namespace heliocloud::registry::cli
