#pragma once
// The AWS service layer's retry policy: which errors are tried again and from which backoff (the loop and the
// full-jitter backoff itself are base/retry.h and base/backoff.h).
#include <chrono>
#include <functional>
#include <random>

#include "aws/errors.h"
#include "base/backoff.h"

namespace heliocloud::aws {

struct RetryPolicy {
  int max_attempts = 5;  // including the first; 1 disables retries
  std::chrono::milliseconds base_delay{50};
  std::chrono::milliseconds max_delay{20000};
  // Throttling backs off from a larger base: the service asked us to slow down, not to try again at once.
  std::chrono::milliseconds throttle_base_delay{500};
  // Called before each wait; for logs and tests. May be empty.
  std::function<void(const ErrorInfo& error, int attempt, std::chrono::milliseconds delay)> on_retry;
};

enum class RetryClass { None, Throttle, Transient };

// How an error should be treated. idempotent says whether the call may be repeated after the service may
// already have acted on it; request_reached_server is false for connect/resolve failures (always safe).
RetryClass retry_class(const ErrorInfo& error, bool idempotent, bool request_reached_server = true);

// The backoff for errors of this class: throttling starts from the larger throttle_base_delay.
base::Backoff backoff_for(const RetryPolicy& policy, RetryClass cls);

// The wait before attempt number `attempt + 1` (attempt counts from 1): uniform in [0, min(max, base *
// 2^(attempt-1))].
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, RetryClass cls, int attempt,
                                        std::mt19937_64& rng);

}  // namespace heliocloud::aws
