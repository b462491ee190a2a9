#include "base/result.h"

#include <gtest/gtest.h>

namespace base = heliocloud::base;

TEST(Result, SuccessCarriesTheValue) {
  const auto r = base::Result<int>::success(3);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(*r.value, 3);
  EXPECT_EQ(r.error, "");
}

TEST(Result, FailureCarriesTheMessage) {
  const auto r = base::Result<int>::failure("no answer");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error, "no answer");
}

TEST(Result, OkOrWhyNot) {
  EXPECT_TRUE(base::Result<>::success().ok());
  EXPECT_FALSE(base::Result<>::failure("").ok());  // even without a message, a failure is a failure
}
