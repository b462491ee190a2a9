#include "registry/lambda/log_progress.h"

#include <cstdio>
#include <string>

#include "registry/ingest_service.h"

namespace heliocloud::registry::lambda {

void LogProgress::dataset_started(const std::string& id, std::size_t files, std::uint64_t bytes) {
  std::fprintf(stderr, "ingest %s: copying %zu file(s), %llu bytes\n", id.c_str(), files,
               static_cast<unsigned long long>(bytes));
}

void LogProgress::file_copied(const std::string& /*id*/, std::uint64_t /*bytes*/) {}

void LogProgress::dataset_finished(const DatasetResult& result) {
  if (result.ok()) {
    std::fprintf(stderr, "ingest %s: published %zu file(s), %llu bytes\n", result.id.c_str(),
                 result.files_added, static_cast<unsigned long long>(result.bytes));
  } else {
    // One log event per line in CloudWatch: keep the error on one line.
    std::string error = result.error;
    for (auto& c : error)
      if (c == '\n') c = ' ';
    std::fprintf(stderr, "ingest %s: FAILED: %s\n", result.id.c_str(), error.c_str());
  }
}

}  // namespace heliocloud::registry::lambda
