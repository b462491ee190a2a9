#include "base/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace heliocloud::base {

std::vector<TaskFailure> parallel_for(std::size_t n, const ParallelOptions& options,
                                      const std::function<void(std::size_t)>& task) {
  std::vector<TaskFailure> failures;
  if (n == 0) return failures;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mu;
  auto worker = [&] {
    for (;;) {
      if (stop.load(std::memory_order_relaxed)) return;
      const std::size_t i = next.fetch_add(1);
      if (i >= n) return;
      try {
        task(i);
      } catch (...) {
        std::scoped_lock lock(mu);
        failures.push_back({.index = i, .error = std::current_exception()});
        if (options.stop_on_error) stop = true;
      }
    }
  };
  const std::size_t threads = std::clamp<std::size_t>(options.concurrency, 1, n);
  if (threads == 1) {
    worker();  // no thread for sequential work: cheaper, and stack traces stay readable
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(threads);
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
  }
  std::ranges::sort(failures, [](const TaskFailure& a, const TaskFailure& b) { return a.index < b.index; });
  return failures;
}

void rethrow_first(const std::vector<TaskFailure>& failures) {
  if (!failures.empty()) std::rethrow_exception(failures.front().error);
}

}  // namespace heliocloud::base
