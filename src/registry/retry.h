#pragma once
// Retries an operation on transient store errors (throttling, 5xx, I/O hiccups) with exponential backoff.
// Permanent errors (missing object, access denied) are thrown at once: retrying them only delays the report.
#include <chrono>
#include <thread>

#include "registry/object_store.h"

namespace heliocloud::registry {

template <typename Fn>
auto with_retries(int attempts, Fn&& fn) -> decltype(fn()) {
  auto delay = std::chrono::milliseconds(100);
  for (int attempt = 1;; ++attempt) {
    try {
      return fn();
    } catch (const StoreError& e) {
      if (!e.transient() || attempt >= attempts) throw;
    }
    std::this_thread::sleep_for(delay);
    delay *= 2;
  }
}

}  // namespace heliocloud::registry
