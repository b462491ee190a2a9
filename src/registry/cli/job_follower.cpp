#include "registry/cli/job_follower.h"

#include <unistd.h>

#include <cmath>
#include <thread>

#include "registry/cli/progress_printer.h"

namespace heliocloud::registry::cli {

namespace {

using Clock = std::chrono::steady_clock;

std::string with_commas(std::uint64_t n) {
  auto digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
    digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

std::string duration_text(double seconds) {
  const auto s = std::llround(seconds);
  if (s < 60) return std::to_string(s) + "s";
  if (s < 3600) return std::to_string(s / 60) + "m" + std::to_string(s % 60) + "s";
  return std::to_string(s / 3600) + "h" + std::to_string(s % 3600 / 60) + "m";
}

bool finished(const JobProgress& p) {
  return p.state == JobState::Published || p.state == JobState::Failed;
}

}  // namespace

std::string progress_line(const JobProgress& job, std::optional<double> bytes_per_second) {
  std::string line = with_commas(job.files_done()) + "/" + with_commas(job.files_total()) + " files, " +
                     human_bytes(static_cast<double>(job.bytes_done())) + " of " +
                     human_bytes(static_cast<double>(job.bytes_total()));
  if (bytes_per_second && *bytes_per_second > 0) {
    line += ", " + human_bytes(*bytes_per_second) + "/s";
    const auto left = static_cast<double>(job.bytes_total() - std::min(job.bytes_done(), job.bytes_total()));
    line += ", ETA " + duration_text(left / *bytes_per_second);
  }
  return line;
}

JobProgress follow_job(DatasetStore& store, const std::string& job, int runs_before,
                       const FollowOptions& options) {
  const bool tty = options.bar != nullptr && isatty(fileno(options.bar)) != 0;
  const auto started = Clock::now();
  auto last_change = started;
  std::optional<JobProgress> last;
  // The rate is measured from the first progress this command saw, not from the job's start (an earlier run
  // may have done part of it).
  std::optional<std::pair<Clock::time_point, std::uint64_t>> first_sample;
  std::string last_printed;
  for (;;) {
    auto now_progress = store.get_job(job);
    const auto now = Clock::now();
    const bool ours = now_progress && now_progress->runs > runs_before;
    if (ours) {
      if (!last || !(*last == *now_progress)) last_change = now;
      if (!first_sample) first_sample = {now, now_progress->bytes_done()};
      std::optional<double> rate;
      const double seconds = std::chrono::duration<double>(now - first_sample->first).count();
      if (seconds > 0.5 && now_progress->bytes_done() > first_sample->second)
        rate = static_cast<double>(now_progress->bytes_done() - first_sample->second) / seconds;
      const auto line =
          std::string(to_string(now_progress->state)) + ": " + progress_line(*now_progress, rate);
      if (options.bar != nullptr && line != last_printed) {
        std::fprintf(options.bar, tty ? "\r%s   " : "%s\n", line.c_str());
        std::fflush(options.bar);
        last_printed = line;
      }
      if (finished(*now_progress)) {
        if (tty) std::fputc('\n', options.bar);
        return *now_progress;
      }
      last = std::move(now_progress);
      if (now - last_change > options.stall_timeout) {
        throw FollowError("job " + job + " has not moved for " +
                          duration_text(std::chrono::duration<double>(options.stall_timeout).count()) +
                          "; its last run probably ended without continuing it (see the Ingester's log "
                          "group); run `heliocloud ingest` again to resume it");
      }
    } else if (now - started > options.start_timeout) {
      throw FollowError("no run of the Ingester has picked job " + job + " up after " +
                        duration_text(std::chrono::duration<double>(options.start_timeout).count()) +
                        "; see the Ingester's log group for why");
    }
    std::this_thread::sleep_for(options.poll);
  }
}

void print_jobs(const std::vector<JobProgress>& jobs, std::ostream& out) {
  if (jobs.empty()) {
    out << "no ingest jobs yet\n";
    return;
  }
  for (const auto& j : jobs) {
    out << j.job << "  " << to_string(j.state) << "  " << progress_line(j, std::nullopt) << "  updated "
        << format_time(j.updated, 0);
    if (!j.error.empty()) out << "\n    last error: " << j.error.substr(0, j.error.find('\n'));
    out << "\n";
  }
}

void print_job(const JobProgress& j, std::ostream& out) {
  out << "job:      " << j.job << "\n"
      << "state:    " << to_string(j.state) << "\n"
      << "progress: " << progress_line(j, std::nullopt) << "\n"
      << "started:  " << format_time(j.started, 0) << "\n"
      << "updated:  " << format_time(j.updated, 0) << "\n";
  if (j.finished != Instant{}) out << "finished: " << format_time(j.finished, 0) << "\n";
  out << "runs:     " << j.runs << "\n";
  for (const auto& d : j.datasets) {
    out << "  " << d.id << ": " << with_commas(d.rows_done) << "/" << with_commas(d.files_total) << " files, "
        << human_bytes(static_cast<double>(d.bytes_done)) << " of "
        << human_bytes(static_cast<double>(d.bytes_total)) << (d.done() ? ", published" : "") << "\n";
    if (!d.error.empty()) out << "    error: " << d.error << "\n";
  }
  if (!j.error.empty()) out << "last error: " << j.error << "\n";
}

}  // namespace heliocloud::registry::cli
