#include "base/backoff.h"

#include <algorithm>

namespace heliocloud::base {

std::chrono::milliseconds backoff_ceiling(const Backoff& backoff, int attempt) {
  if (attempt < 1 || backoff.base.count() <= 0 || backoff.cap.count() <= 0)
    return std::chrono::milliseconds(0);
  // Past 2^30 every realistic base is over any cap; clamping keeps the shift defined.
  const int shift = std::min(attempt - 1, 30);
  const long long ceiling = std::min<long long>(backoff.cap.count(), backoff.base.count() * (1LL << shift));
  return std::chrono::milliseconds(ceiling);
}

std::chrono::milliseconds backoff_delay(const Backoff& backoff, int attempt, std::mt19937_64& rng) {
  const auto ceiling = backoff_ceiling(backoff, attempt);
  if (ceiling.count() <= 0) return ceiling;
  std::uniform_int_distribution<long long> draw(0, ceiling.count());
  return std::chrono::milliseconds(draw(rng));
}

std::chrono::milliseconds backoff_delay(const Backoff& backoff, int attempt) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return backoff_delay(backoff, attempt, rng);
}

}  // namespace heliocloud::base
