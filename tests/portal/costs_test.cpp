#include "portal/costs.h"

#include <gtest/gtest.h>

using namespace std::chrono;
using heliocloud::portal::format_usd;
using heliocloud::portal::last_12_months;
using heliocloud::portal::this_month;

TEST(CostRanges, ThisMonthEndsTomorrowBecauseTheEndIsExclusive) {
  const auto r = this_month(year(2026) / 12 / 2);
  EXPECT_EQ(r.start, "2026-12-01");
  EXPECT_EQ(r.end, "2026-12-03");
  const auto first = this_month(year(2026) / 3 / 1);  // start < end even on the first
  EXPECT_EQ(first.start, "2026-03-01");
  EXPECT_EQ(first.end, "2026-03-02");
  const auto last = this_month(year(2026) / 12 / 31);
  EXPECT_EQ(last.end, "2027-01-01");
}

TEST(CostRanges, TwelveMonthsIncludeThisOne) {
  const auto r = last_12_months(year(2026) / 12 / 2);
  EXPECT_EQ(r.start, "2026-01-01");
  EXPECT_EQ(r.end, "2026-12-03");
  EXPECT_EQ(last_12_months(year(2026) / 3 / 15).start, "2025-04-01");
}

TEST(FormatUsd, TwoDecimalsRounded) {
  EXPECT_EQ(format_usd(0), "$0.00");
  EXPECT_EQ(format_usd(3.1), "$3.10");
  EXPECT_EQ(format_usd(12.345), "$12.35");
  EXPECT_EQ(format_usd(0.004), "$0.00");
  EXPECT_EQ(format_usd(1234.5678), "$1234.57");
}
