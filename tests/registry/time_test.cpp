#include "registry/time.h"

#include <gtest/gtest.h>

namespace heliocloud::registry {
namespace {

std::string utc(std::string_view s, int digits = 0) {
  return format_time(parse_time(s), digits);
}

TEST(Time, ParsesZuluSeconds) {
  EXPECT_EQ(utc("2015-09-01T12:11:14Z"), "2015-09-01T12:11:14Z");
}

TEST(Time, ConvertsOffsetsToUtc) {
  EXPECT_EQ(utc("2015-09-01T12:11:14+02:00"), "2015-09-01T10:11:14Z");
  EXPECT_EQ(utc("2015-09-01T00:30:00-0130"), "2015-09-01T02:00:00Z");
  EXPECT_EQ(utc("2016-01-01T01:00:00+05"), "2015-12-31T20:00:00Z");
  EXPECT_EQ(parse_time("2016-01-01T01:00:00+05").year(), 2015);
}

TEST(Time, KeepsFractionsToTheNanosecond) {
  const auto t = parse_time("2016-02-01T00:00:00.5Z");
  EXPECT_EQ(t.nanos, 500'000'000U);
  EXPECT_EQ(format_time(t, 3), "2016-02-01T00:00:00.500Z");
  EXPECT_EQ(fraction_digits_needed(t), 3);
  EXPECT_EQ(utc("2016-02-01T00:00:00,123456789Z", 9), "2016-02-01T00:00:00.123456789Z");
  EXPECT_EQ(fraction_digits_needed(parse_time("2016-02-01T00:00:00.000001Z")), 6);
  EXPECT_EQ(fraction_digits_needed(parse_time("2016-02-01T00:00:00.000000001Z")), 9);
}

TEST(Time, DateOnlyIsMidnightUtc) {
  EXPECT_EQ(utc("2015-09-01"), "2015-09-01T00:00:00Z");
}

TEST(Time, AcceptsTruncatedSpaceNaiveAndBasicForms) {
  EXPECT_EQ(utc("2017-01-15T23:00Z"), "2017-01-15T23:00:00Z");
  EXPECT_EQ(utc("2017-01-15T23Z"), "2017-01-15T23:00:00Z");
  EXPECT_EQ(utc("2015-09-01 12:11:14+00:00"), "2015-09-01T12:11:14Z");  // what the original wrote
  EXPECT_EQ(utc("2015-09-01T00:00:00"), "2015-09-01T00:00:00Z");        // naive = UTC
  EXPECT_EQ(utc("20150901T121114Z"), "2015-09-01T12:11:14Z");
}

TEST(Time, OrdersInstants) {
  EXPECT_LT(parse_time("2015-09-01T12:00:00Z"), parse_time("2015-09-01T12:00:00.1Z"));
  EXPECT_EQ(parse_time("2015-09-01T14:00:00+02:00"), parse_time("2015-09-01T12:00:00Z"));
}

TEST(Time, HandlesYearsFarFrom1970) {
  EXPECT_EQ(utc("1610-12-08T00:00:00Z"), "1610-12-08T00:00:00Z");
  EXPECT_EQ(parse_time("1610-12-08").year(), 1610);
  EXPECT_EQ(utc("2400-02-29T10:00:00Z"), "2400-02-29T10:00:00Z");
}

void expect_error(std::string_view text, std::string_view fragment) {
  try {
    (void)parse_time(text);
    ADD_FAILURE() << "accepted " << text;
  } catch (const TimeError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(fragment), std::string::npos) << what;
    EXPECT_NE(what.find(std::string(text)), std::string::npos) << "message must quote the input: " << what;
  }
}

TEST(Time, RejectsWithClearReasons) {
  expect_error("not_a_time", "4-digit year");
  expect_error("", "empty");
  expect_error("2015-13-01", "month 13");
  expect_error("2015-02-29", "day 29");
  expect_error("2015-09-01T24:00:00Z", "hour 24");
  expect_error("2015-09-01T12:61:00Z", "minute 61");
  expect_error("2015-09-01T12:00:60Z", "leap");
  expect_error("2015-09-01T12:00:00.Z", "followed by digits");
  expect_error("2015-09-01T12:00:00.1234567890Z", "9 fraction digits");
  expect_error("2015-09-01T12:00:00ZZ", "unexpected");
  expect_error("2015-244T12:00:00Z", "YYYY-MM-DD");
  expect_error("2015-09-01Z", "zone");
  expect_error("2015-09-01T12:00:00+25:00", "offset");
}

}  // namespace
}  // namespace heliocloud::registry
