#include "aws/retry.h"

#include <algorithm>

namespace heliocloud::aws {

RetryClass retry_class(const ErrorInfo& error, bool idempotent, bool request_reached_server) {
  if (!request_reached_server) return RetryClass::Transient;
  const ErrorKind kind = classify(error);
  // Throttling means the request was refused before being acted on, so even non-idempotent calls repeat
  // safely.
  if (kind == ErrorKind::Throttled) return RetryClass::Throttle;
  const std::string& c = error.code;
  const bool transient = kind == ErrorKind::ServiceUnavailable || kind == ErrorKind::Transport ||
                         kind == ErrorKind::Timeout || c == "RequestTimeout" ||
                         c == "RequestTimeoutException" || c == "InternalError" || c == "InternalFailure" ||
                         c == "ServiceUnavailable" || c == "IDPCommunicationError";
  if (!transient) return RetryClass::None;
  return idempotent ? RetryClass::Transient : RetryClass::None;
}

std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, RetryClass cls, int attempt,
                                        std::mt19937_64& rng) {
  const auto base = cls == RetryClass::Throttle ? policy.throttle_base_delay : policy.base_delay;
  const int shift = std::clamp(attempt - 1, 0, 30);
  const long long cap = std::min<long long>(policy.max_delay.count(), base.count() * (1LL << shift));
  if (cap <= 0) return std::chrono::milliseconds(0);
  std::uniform_int_distribution<long long> dist(0, cap);
  return std::chrono::milliseconds(dist(rng));
}

}  // namespace heliocloud::aws
