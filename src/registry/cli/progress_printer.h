#pragma once
// Prints ingest progress on stderr: files done of total, bytes, rate, time left. On a terminal one line is
// redrawn at most five times a second; otherwise (logs, CI) a line is printed every 10% so logs stay short.
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

#include "registry/progress.h"

namespace heliocloud::registry::cli {

class ProgressPrinter final : public ProgressSink {
 public:
  explicit ProgressPrinter(std::FILE* out);

  void dataset_started(const std::string& id, std::size_t files, std::uint64_t bytes) override;
  void dataset_resumed(const std::string& id, std::size_t files_done, std::uint64_t bytes_done) override;
  void file_copied(const std::string& id, std::uint64_t bytes) override;
  void dataset_finished(const DatasetResult& result) override;
  // Ends the current line of `id` with a status word ("published", "uploaded", "FAILED").
  void finish(const std::string& id, const std::string& status);

 private:
  void print(bool final);

  std::FILE* out_;
  bool tty_;
  std::mutex mutex_;
  std::string id_;
  std::size_t files_total_ = 0;
  std::size_t files_done_ = 0;
  std::uint64_t bytes_total_ = 0;
  std::uint64_t bytes_done_ = 0;
  std::uint64_t bytes_resumed_ = 0;  // done by earlier runs: not part of this run's rate
  int last_decile_ = -1;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_print_;
};

// "1.5 GB", "12.0 MB", "512 B"
[[nodiscard]] std::string human_bytes(double bytes);

}  // namespace heliocloud::registry::cli
