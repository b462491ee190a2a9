#pragma once
// Progress of a long ingest, for the CLI's stderr line (files done of total, bytes, rate). Called from the
// copy threads: implementations must be thread-safe.
#include <cstdint>
#include <string>

namespace heliocloud::registry {

struct DatasetResult;

class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  virtual void dataset_started(const std::string& id, std::size_t files, std::uint64_t bytes) = 0;
  // After dataset_started, when an earlier run already published part of the dataset (a resumed job).
  virtual void dataset_resumed(const std::string& /*id*/, std::size_t /*files_done*/,
                               std::uint64_t /*bytes_done*/) {}
  virtual void file_copied(const std::string& id, std::uint64_t bytes) = 0;
  virtual void dataset_finished(const DatasetResult& result) = 0;
};

}  // namespace heliocloud::registry
