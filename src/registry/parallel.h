#pragma once
// Runs fn(0..n-1) on at most `workers` threads. Bounded, so a 10,000-file job does not open 10,000
// connections. fn must not throw (each item records its own failure).
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace heliocloud::registry {

template <typename Fn>
void parallel_for(std::size_t n, std::size_t workers, Fn&& fn) {
  workers = std::clamp<std::size_t>(workers, 1, std::max<std::size_t>(n, 1));
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) fn(i);
  };
  if (workers == 1) {
    work();
    return;
  }
  std::vector<std::jthread> threads;
  threads.reserve(workers - 1);
  for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work);
  work();
}

}  // namespace heliocloud::registry
