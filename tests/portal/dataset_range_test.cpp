#include "portal/dataset_range.h"

#include <gtest/gtest.h>

namespace heliocloud::portal {
namespace {

using registry::parse_time;

const auto kCoverageStop = parse_time("2021-01-02T12:00:00Z");

TEST(DatasetRange, DefaultIsTheLast30DaysOfCoverageInWholeDays) {
  const auto r = choose_range(std::nullopt, std::nullopt, kCoverageStop);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.stop, parse_time("2021-01-03"));
  EXPECT_EQ(r.start, parse_time("2020-12-04"));
  EXPECT_EQ(r.start_text, "2020-12-04");
  EXPECT_EQ(r.stop_text, "2021-01-03");
  EXPECT_TRUE(choose_range(std::string(), std::string(), kCoverageStop).ok());  // empty fields = default
}

TEST(DatasetRange, OneFieldGivenTheOtherIs30DaysAway) {
  auto r = choose_range(std::string("2020-06-01"), std::nullopt, kCoverageStop);
  EXPECT_EQ(r.stop, parse_time("2020-07-01"));
  r = choose_range(std::nullopt, std::string("2020-06-01T12:30:00Z"), kCoverageStop);
  EXPECT_EQ(r.start, parse_time("2020-05-02T12:30:00Z"));
  EXPECT_EQ(r.stop_text, "2020-06-01T12:30:00Z");
}

TEST(DatasetRange, BothGivenAreKeptAndTimesAccepted) {
  const auto r =
      choose_range(std::string("2020-01-01T00:00:00+02:00"), std::string("2021-05-01"), kCoverageStop);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.start, parse_time("2019-12-31T22:00:00Z"));
  EXPECT_EQ(r.start_text, "2019-12-31T22:00:00Z");
}

TEST(DatasetRange, WrongFieldsSayWhatAndKeepTheText) {
  auto r = choose_range(std::string("last tuesday"), std::string("2021-13-01"), kCoverageStop);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.start_error.rfind("start: \"last tuesday\" is not a date; write it as 2021-01-31", 0), 0U)
      << r.start_error;
  EXPECT_EQ(r.stop_error.rfind("stop: \"2021-13-01\" is not a date", 0), 0U) << r.stop_error;
  EXPECT_EQ(r.start_text, "last tuesday");
  EXPECT_EQ(r.stop_text, "2021-13-01");

  r = choose_range(std::string("2021-02-01"), std::string("2021-01-01"), kCoverageStop);
  EXPECT_TRUE(r.start_error.empty());
  EXPECT_EQ(r.stop_error, "stop: must be after start (2021-02-01)");
  r = choose_range(std::string("2021-02-01"), std::string("2021-02-01"), kCoverageStop);
  EXPECT_FALSE(r.ok());
  r = choose_range(std::string(100, '1'), std::nullopt, kCoverageStop);
  EXPECT_NE(r.start_error.find("too long"), std::string::npos);
}

}  // namespace
}  // namespace heliocloud::portal
