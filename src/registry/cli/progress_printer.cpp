#include "registry/cli/progress_printer.h"

#include <unistd.h>

#include <cmath>

#include "registry/ingest_service.h"

namespace heliocloud::registry::cli {

std::string human_bytes(double bytes) {
  const char* units[] = {"B", "kB", "MB", "GB", "TB"};
  int u = 0;
  while (bytes >= 1000.0 && u < 4) {
    bytes /= 1000.0;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
  return buf;
}

ProgressPrinter::ProgressPrinter(std::FILE* out) : out_(out), tty_(isatty(fileno(out)) != 0) {}

void ProgressPrinter::dataset_started(const std::string& id, std::size_t files, std::uint64_t bytes) {
  std::scoped_lock lock(mutex_);
  id_ = id;
  files_total_ = files;
  bytes_total_ = bytes;
  files_done_ = 0;
  bytes_done_ = 0;
  bytes_resumed_ = 0;
  last_decile_ = -1;
  started_ = std::chrono::steady_clock::now();
  last_print_ = {};
  print(false);
}

void ProgressPrinter::dataset_resumed(const std::string& /*id*/, std::size_t files_done,
                                      std::uint64_t bytes_done) {
  std::scoped_lock lock(mutex_);
  files_done_ = files_done;
  bytes_done_ = bytes_done;
  bytes_resumed_ = bytes_done;
  print(false);
}

void ProgressPrinter::file_copied(const std::string& /*id*/, std::uint64_t bytes) {
  std::scoped_lock lock(mutex_);
  ++files_done_;
  bytes_done_ += bytes;
  print(false);
}

void ProgressPrinter::dataset_finished(const DatasetResult& result) {
  finish(result.id, result.ok() ? "published" : "FAILED");
}

void ProgressPrinter::finish(const std::string& id, const std::string& status) {
  std::scoped_lock lock(mutex_);
  if (files_total_ > 0 && id_ == id) print(true);
  if (tty_) std::fputc('\n', out_);
  std::fprintf(out_, "%s: %s\n", id.c_str(), status.c_str());
  files_total_ = 0;
  std::fflush(out_);
}

void ProgressPrinter::print(bool final) {
  const auto now = std::chrono::steady_clock::now();
  const int decile = files_total_ == 0 ? 10 : static_cast<int>(files_done_ * 10 / files_total_);
  if (!final) {
    if (tty_ && now - last_print_ < std::chrono::milliseconds(200) && files_done_ != files_total_) return;
    if (!tty_ && decile == last_decile_) return;
  }
  last_print_ = now;
  last_decile_ = decile;
  const double seconds = std::chrono::duration<double>(now - started_).count();
  const double rate = seconds > 0 ? static_cast<double>(bytes_done_ - bytes_resumed_) / seconds : 0.0;
  std::string eta;
  if (!final && rate > 0 && bytes_done_ < bytes_total_) {  // not on the final line
    const auto left = std::llround(static_cast<double>(bytes_total_ - bytes_done_) / rate);
    eta = left < 60 ? ", ETA " + std::to_string(left) + "s"
                    : ", ETA " + std::to_string(left / 60) + "m" + std::to_string(left % 60) + "s";
  }
  std::fprintf(out_, "%s%s: %zu/%zu files, %s of %s, %s/s%s%s", tty_ ? "\r" : "", id_.c_str(), files_done_,
               files_total_, human_bytes(static_cast<double>(bytes_done_)).c_str(),
               human_bytes(static_cast<double>(bytes_total_)).c_str(), human_bytes(rate).c_str(), eta.c_str(),
               tty_ ? "   " : "\n");
  std::fflush(out_);
}

}  // namespace heliocloud::registry::cli
