#pragma once
// Bounded parallelism for bulk work: at most `concurrency` threads work through n independent tasks, so a
// 10,000-file job does not open 10,000 connections. Memory does not grow with n: tasks are indices pulled
// from a counter, not queued closures.
#include <cstddef>
#include <exception>
#include <functional>
#include <vector>

namespace heliocloud::base {

struct TaskFailure {
  std::size_t index = 0;
  std::exception_ptr error;
};

struct ParallelOptions {
  std::size_t concurrency = 8;
  // Stop handing out new tasks after the first failure (the ones running finish). For all-or-nothing work
  // such as the parts of one multipart upload.
  bool stop_on_error = false;
};

// Runs task(i) for every i in [0, n) and waits for all of them. A task that throws does not stop the others
// (unless stop_on_error); its exception is returned. Returns the failures sorted by index, empty when all
// succeeded.
std::vector<TaskFailure> parallel_for(std::size_t n, const ParallelOptions& options,
                                      const std::function<void(std::size_t)>& task);

// Rethrows the first failure, if any.
void rethrow_first(const std::vector<TaskFailure>& failures);

}  // namespace heliocloud::base
