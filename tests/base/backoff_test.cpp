#include "base/backoff.h"

#include <gtest/gtest.h>

#include "base/retry.h"

namespace base = heliocloud::base;
using namespace std::chrono_literals;

TEST(Backoff, CeilingDoublesUpToTheCap) {
  const base::Backoff b{.base = 10ms, .cap = 100ms};
  EXPECT_EQ(base::backoff_ceiling(b, 0), 0ms);
  EXPECT_EQ(base::backoff_ceiling(b, 1), 10ms);
  EXPECT_EQ(base::backoff_ceiling(b, 2), 20ms);
  EXPECT_EQ(base::backoff_ceiling(b, 4), 80ms);
  EXPECT_EQ(base::backoff_ceiling(b, 5), 100ms);
  EXPECT_EQ(base::backoff_ceiling(b, 1000), 100ms);  // no overflow far out
}

TEST(Backoff, FullJitterStaysWithinZeroAndTheCeiling) {
  std::mt19937_64 rng(42);
  const base::Backoff b{.base = 50ms, .cap = 400ms};
  bool below_half = false;
  for (int attempt = 1; attempt <= 6; ++attempt) {
    for (int i = 0; i < 200; ++i) {
      const auto d = base::backoff_delay(b, attempt, rng);
      EXPECT_GE(d, 0ms);
      EXPECT_LE(d, base::backoff_ceiling(b, attempt));
      if (d < base::backoff_ceiling(b, attempt) / 2) below_half = true;
    }
  }
  EXPECT_TRUE(below_half);  // full jitter, not "ceiling plus a little"
}

TEST(Backoff, ZeroBaseNeverWaits) {
  EXPECT_EQ(base::backoff_delay({0ms, 100ms}, 3), 0ms);
}

TEST(Retry, StopsWhenAnAttemptSaysSo) {
  std::vector<int> seen;
  const int made = base::retry({.max_attempts = 5, .give_up_at = {}}, [&](int n) -> base::NextAttempt {
    seen.push_back(n);
    if (n < 3) return base::Backoff{.base = 1ms, .cap = 1ms};
    return std::nullopt;
  });
  EXPECT_EQ(made, 3);
  EXPECT_EQ(seen, (std::vector<int>{1, 2, 3}));
}

TEST(Retry, StopsAtMaxAttemptsAndReportsEveryWait) {
  std::vector<int> waits;
  const int made = base::retry(
      {.max_attempts = 4, .give_up_at = {}},
      [](int) -> base::NextAttempt { return base::Backoff{.base = 1ms, .cap = 2ms}; },
      [&](int attempt, std::chrono::milliseconds delay) {
        waits.push_back(attempt);
        EXPECT_LE(delay, 2ms);
      });
  EXPECT_EQ(made, 4);
  EXPECT_EQ(waits, (std::vector<int>{1, 2, 3}));  // no wait after the last attempt
}

TEST(Retry, NoAttemptStartsAfterGiveUpAt) {
  int calls = 0;
  const auto past = std::chrono::system_clock::now() - 1s;
  const int made = base::retry({.max_attempts = 10, .give_up_at = past}, [&](int) -> base::NextAttempt {
    ++calls;
    return base::Backoff{.base = 1ms, .cap = 1ms};
  });
  EXPECT_EQ(made, 1);
  EXPECT_EQ(calls, 1);
}

TEST(Retry, CallWithRetriesRetriesOnlyTransientErrors) {
  int calls = 0;
  const auto transient = [](const std::runtime_error& e) { return std::string(e.what()) == "again"; };
  const int value = base::call_with_retries<std::runtime_error>(
      3, {.base = 1ms, .cap = 1ms},
      [&] {
        if (++calls < 3) throw std::runtime_error("again");
        return 7;
      },
      transient);
  EXPECT_EQ(value, 7);
  EXPECT_EQ(calls, 3);

  calls = 0;
  EXPECT_THROW(
      base::call_with_retries<std::runtime_error>(
          3, {1ms, 1ms}, [&]() -> int { ++calls, throw std::runtime_error("permanent"); }, transient),
      std::runtime_error);
  EXPECT_EQ(calls, 1);

  calls = 0;
  EXPECT_THROW(base::call_with_retries<std::runtime_error>(
                   2, {1ms, 1ms}, [&]() -> int { ++calls, throw std::runtime_error("again"); }, transient),
               std::runtime_error);
  EXPECT_EQ(calls, 2);  // the last transient error propagates
}
