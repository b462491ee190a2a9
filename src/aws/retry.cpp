#include "aws/retry.h"

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

base::Backoff backoff_for(const RetryPolicy& policy, RetryClass cls) {
  return {.base = cls == RetryClass::Throttle ? policy.throttle_base_delay : policy.base_delay,
          .cap = policy.max_delay};
}

std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, RetryClass cls, int attempt,
                                        std::mt19937_64& rng) {
  return base::backoff_delay(backoff_for(policy, cls), attempt, rng);
}

}  // namespace heliocloud::aws
