#pragma once
// How long to wait before trying again: exponential backoff with "full jitter" (a uniform draw between 0 and
// the exponential ceiling), as AWS's architecture blog recommends, so that many clients that failed together
// do not come back together.
#include <chrono>
#include <random>

namespace heliocloud::base {

struct Backoff {
  std::chrono::milliseconds base{100};   // ceiling after the first failure
  std::chrono::milliseconds cap{20000};  // no wait is longer than this
};

// The ceiling after failure number `attempt` (from 1): min(cap, base * 2^(attempt - 1)); zero for attempt
// < 1.
[[nodiscard]] std::chrono::milliseconds backoff_ceiling(const Backoff& backoff, int attempt);

// A wait drawn uniformly from [0, backoff_ceiling(backoff, attempt)].
[[nodiscard]] std::chrono::milliseconds backoff_delay(const Backoff& backoff, int attempt,
                                                      std::mt19937_64& rng);
// The same with a generator of the calling thread.
[[nodiscard]] std::chrono::milliseconds backoff_delay(const Backoff& backoff, int attempt);

}  // namespace heliocloud::base
