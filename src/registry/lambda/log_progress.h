#pragma once
// Ingest progress for CloudWatch Logs: one line when a dataset starts and one when it ends (a Lambda's stderr
// is its log; a redrawn progress line would only fill it).
#include "registry/progress.h"

namespace heliocloud::registry::lambda {

class LogProgress final : public ProgressSink {
 public:
  void dataset_started(const std::string& id, std::size_t files, std::uint64_t bytes) override;
  void file_copied(const std::string& id, std::uint64_t bytes) override;
  void dataset_finished(const DatasetResult& result) override;
};

}  // namespace heliocloud::registry::lambda
