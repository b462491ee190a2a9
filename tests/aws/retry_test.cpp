#include "aws/retry.h"

#include <gtest/gtest.h>

namespace aws = heliocloud::aws;
using std::chrono::milliseconds;

namespace {
aws::ErrorInfo err(long status, const char* code) {
  return {.service = "S3",
          .operation = "Op",
          .http_status = status,
          .code = code,
          .message = "",
          .request_id = "",
          .attempts = 1,
          .reasons = {}};
}
}  // namespace

TEST(RetryDecision, ThrottlingIsRetriedEvenForNonIdempotentCalls) {
  EXPECT_EQ(aws::retry_class(err(503, "SlowDown"), true), aws::RetryClass::Throttle);
  EXPECT_EQ(aws::retry_class(err(503, "SlowDown"), false), aws::RetryClass::Throttle);
  EXPECT_EQ(aws::retry_class(err(429, "TooManyRequestsException"), false), aws::RetryClass::Throttle);
  EXPECT_EQ(aws::retry_class(err(400, "ProvisionedThroughputExceededException"), false),
            aws::RetryClass::Throttle);
}

TEST(RetryDecision, ServerErrorsAndTransportOnlyWhenIdempotent) {
  EXPECT_EQ(aws::retry_class(err(500, "InternalError"), true), aws::RetryClass::Transient);
  EXPECT_EQ(aws::retry_class(err(503, "ServiceUnavailable"), true), aws::RetryClass::Transient);
  EXPECT_EQ(aws::retry_class(err(500, "InternalError"), false), aws::RetryClass::None);
  EXPECT_EQ(aws::retry_class(err(0, "Timeout"), true), aws::RetryClass::Transient);
  EXPECT_EQ(aws::retry_class(err(0, "Timeout"), false), aws::RetryClass::None);
  EXPECT_EQ(aws::retry_class(err(0, "Truncated"), true), aws::RetryClass::Transient);
  EXPECT_EQ(aws::retry_class(err(400, "RequestTimeout"), true), aws::RetryClass::Transient);
}

TEST(RetryDecision, RequestThatNeverLeftIsAlwaysSafe) {
  EXPECT_EQ(aws::retry_class(err(0, "ConnectionFailed"), false, false), aws::RetryClass::Transient);
}

TEST(RetryDecision, ClientErrorsAreFinal) {
  for (const char* code : {"NoSuchKey", "AccessDenied", "ValidationException",
                           "ConditionalCheckFailedException", "TransactionCanceledException"}) {
    EXPECT_EQ(aws::retry_class(err(400, code), true), aws::RetryClass::None) << code;
  }
}

TEST(Backoff, FullJitterStaysWithinExponentialCap) {
  aws::RetryPolicy p;
  p.base_delay = milliseconds(100);
  p.throttle_base_delay = milliseconds(1000);
  p.max_delay = milliseconds(5000);
  std::mt19937_64 rng(42);
  for (int attempt = 1; attempt <= 10; ++attempt) {
    const long long cap = std::min<long long>(5000, 100LL << (attempt - 1));
    long long seen_max = 0;
    for (int i = 0; i < 200; ++i) {
      const auto d = aws::backoff_delay(p, aws::RetryClass::Transient, attempt, rng).count();
      ASSERT_GE(d, 0);
      ASSERT_LE(d, cap);
      seen_max = std::max<long long>(seen_max, d);
    }
    EXPECT_GT(seen_max, cap / 2)
        << "jitter should spread over the whole range";  // 200 draws: overwhelmingly likely
  }
  for (int i = 0; i < 100; ++i)
    EXPECT_LE(aws::backoff_delay(p, aws::RetryClass::Throttle, 1, rng).count(), 1000);
}
