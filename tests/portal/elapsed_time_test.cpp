#include "portal/elapsed_time.h"

#include <gtest/gtest.h>

using heliocloud::portal::elapsed_since;
using heliocloud::portal::elapsed_text;
using std::chrono::seconds;

// The original's table (webapps doc §A4.1), at each boundary.
TEST(ElapsedText, FollowsTheOriginalsSteps) {
  EXPECT_EQ(elapsed_text(seconds(0)), "Just Launched");
  EXPECT_EQ(elapsed_text(seconds(59)), "Just Launched");
  EXPECT_EQ(elapsed_text(seconds(60)), "1 minutes");
  EXPECT_EQ(elapsed_text(seconds((5 * 3600) - 1)), "299 minutes");
  EXPECT_EQ(elapsed_text(seconds(5 * 3600)), "5 hours");
  EXPECT_EQ(elapsed_text(seconds((3 * 3600) + (30 * 60) + (5 * 3600))), "8 hours");
  EXPECT_EQ(elapsed_text(seconds((48 * 3600) - 1)), "47 hours");
  EXPECT_EQ(elapsed_text(seconds(48 * 3600)), "2 days");
  EXPECT_EQ(elapsed_text(seconds((10 * 86400) + 5)), "10 days");
}

TEST(ElapsedText, AClockBehindEC2IsJustLaunched) {
  EXPECT_EQ(elapsed_text(seconds(-30)), "Just Launched");
}

TEST(ElapsedSince, ReadsEC2sLaunchTime) {
  const auto launched = std::chrono::sys_days(std::chrono::year(2026) / 12 / 1) + std::chrono::hours(8);
  EXPECT_EQ(elapsed_since("2026-12-01T08:00:00.000Z", launched + std::chrono::hours(3)), "180 minutes");
  EXPECT_EQ(elapsed_since("2026-12-01T08:00:00Z", launched + std::chrono::hours(72)), "3 days");
  EXPECT_EQ(elapsed_since("yesterday", launched), "");
}
