#include "portal/costs.h"

#include <gtest/gtest.h>

using namespace std::chrono;
using heliocloud::portal::format_usd;
using heliocloud::portal::last_12_months;
using heliocloud::portal::monthly_costs;

TEST(CostRanges, TwelveMonthsIncludeThisOneAndEndTomorrowBecauseTheEndIsExclusive) {
  const auto r = last_12_months(year(2026) / 12 / 2);
  EXPECT_EQ(r.start, "2026-01-01");
  EXPECT_EQ(r.end, "2026-12-03");
  EXPECT_EQ(last_12_months(year(2026) / 3 / 1).end, "2026-03-02");  // start < end even on the first
  EXPECT_EQ(last_12_months(year(2026) / 12 / 31).end, "2027-01-01");
  EXPECT_EQ(last_12_months(year(2026) / 3 / 15).start, "2025-04-01");
}

TEST(FormatUsd, TwoDecimalsRounded) {
  EXPECT_EQ(format_usd(0), "$0.00");
  EXPECT_EQ(format_usd(3.1), "$3.10");
  EXPECT_EQ(format_usd(12.345), "$12.35");
  EXPECT_EQ(format_usd(0.004), "$0.00");
  EXPECT_EQ(format_usd(1234.5678), "$1234.57");
  EXPECT_EQ(format_usd(-2), "-$2.00");
  EXPECT_EQ(format_usd(-0.001), "$0.00");
}

TEST(MonthlyCosts, TwelveMonthsOldestFirstWithUnreportedMonthsAtZero) {
  const std::vector<heliocloud::aws::CostPeriod> periods = {
      {.start = "2026-03-01", .end = "2026-04-01", .amount = 2.5},
      {.start = "2026-12-01", .end = "2026-12-03", .amount = 0.75},
      {.start = "2025-11-01", .end = "2025-12-01", .amount = 99},  // before the range: not one of the 12
  };
  const auto months = monthly_costs(periods, year(2026) / 12 / 2);
  ASSERT_EQ(months.size(), 12U);
  EXPECT_EQ(months.front().month, year(2026) / January);
  EXPECT_EQ(months.back().month, year(2026) / December);
  EXPECT_EQ(months[2].amount, 2.5);
  EXPECT_EQ(months[11].amount, 0.75);
  EXPECT_EQ(months[0].amount, 0);
}

TEST(MonthlyCosts, TheRangeCrossesTheYear) {
  const auto months = monthly_costs({{.start = "2025-04-01", .amount = 1}}, year(2026) / 3 / 15);
  EXPECT_EQ(months.front().month, year(2025) / April);
  EXPECT_EQ(months.front().amount, 1);
  EXPECT_EQ(months.back().month, year(2026) / March);
}

TEST(MonthlyCosts, AMalformedPeriodIsAnErrorNotAZero) {
  EXPECT_THROW((void)monthly_costs({{.start = "March 2026"}}, year(2026) / 3 / 15), std::invalid_argument);
  EXPECT_THROW((void)monthly_costs({{.start = "2026-13-01"}}, year(2026) / 3 / 15), std::invalid_argument);
}
