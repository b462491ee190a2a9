#pragma once
// The one retry loop. Callers keep their own policy: which failures are worth another try, how many attempts,
// which backoff; the loop only counts, waits and stops.
#include <chrono>
#include <optional>
#include <thread>
#include <utility>

#include "base/backoff.h"

namespace heliocloud::base {

struct RetryLimits {
  int max_attempts = 3;  // including the first; 1 disables retries
  // No attempt after the first starts past this point (a Lambda deadline, CloudFormation's patience).
  std::optional<std::chrono::system_clock::time_point> give_up_at;
};

// What an attempt says about the next one: nullopt when there is none to make (it succeeded, or failed in a
// way another try cannot fix), or the backoff to wait with before trying again.
using NextAttempt = std::optional<Backoff>;

// Called with the failed attempt's number and the wait chosen, before waiting: for logs and tests.
struct NoRetryHook {
  void operator()(int /*attempt*/, std::chrono::milliseconds /*delay*/) const noexcept {}
};

// Runs attempt(n) for n = 1, 2, ... until it returns nullopt or the limits are reached. Returns the number
// of attempts made.
template <class Attempt, class OnRetry = NoRetryHook>
int retry(const RetryLimits& limits, Attempt&& attempt, OnRetry&& on_retry = {}) {
  for (int n = 1;; ++n) {
    const NextAttempt next = attempt(n);
    if (!next || n >= limits.max_attempts) return n;
    const auto delay = backoff_delay(*next, n);
    on_retry(n, delay);
    std::this_thread::sleep_for(delay);
    if (limits.give_up_at && std::chrono::system_clock::now() >= *limits.give_up_at) return n;
  }
}

// fn() with retries for code that reports failures as exceptions: an `Error` for which is_transient(error)
// holds is tried again (up to max_attempts in all); any other exception, or the last one, propagates.
template <class Error, class Fn, class IsTransient>
auto call_with_retries(int max_attempts, const Backoff& backoff, Fn&& fn, IsTransient&& is_transient)
    -> decltype(fn()) {
  for (int n = 1;; ++n) {
    try {
      return fn();
    } catch (const Error& e) {
      if (n >= max_attempts || !is_transient(e)) throw;
    }
    std::this_thread::sleep_for(backoff_delay(backoff, n));
  }
}

}  // namespace heliocloud::base
