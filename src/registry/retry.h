#pragma once
// The registry's retry policy over base/retry.h: an operation is tried again on transient store errors
// (throttling, 5xx, I/O hiccups) with exponential backoff. Permanent errors (missing object, access denied)
// are thrown at once: retrying them only delays the report.
#include <chrono>
#include <utility>

#include "base/retry.h"
#include "registry/object_store.h"

namespace heliocloud::registry {

inline constexpr base::Backoff kStoreBackoff{.base = std::chrono::milliseconds(100),
                                             .cap = std::chrono::milliseconds(5000)};

template <typename Fn>
auto with_retries(int attempts, Fn&& fn) -> decltype(fn()) {
  return base::call_with_retries<StoreError>(attempts, kStoreBackoff, std::forward<Fn>(fn),
                                             [](const StoreError& e) { return e.transient(); });
}

}  // namespace heliocloud::registry
