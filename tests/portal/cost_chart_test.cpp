#include "portal/cost_chart.h"

#include <gtest/gtest.h>

using namespace std::chrono;
using heliocloud::portal::axis_top;
using heliocloud::portal::cost_chart;
using heliocloud::portal::MonthCost;

namespace {

std::vector<MonthCost> year_2026(std::vector<double> amounts) {
  std::vector<MonthCost> months;
  months.reserve(amounts.size());
  for (unsigned i = 0; i < amounts.size(); ++i)
    months.push_back({.month = year(2026) / month(i + 1), .amount = amounts[i]});
  return months;
}

}  // namespace

TEST(AxisTop, RoundFigureJustAboveTheHighestBar) {
  EXPECT_EQ(axis_top(0), 1);
  EXPECT_EQ(axis_top(-3), 1);
  EXPECT_EQ(axis_top(0.3), 0.5);
  EXPECT_EQ(axis_top(1), 1);
  EXPECT_EQ(axis_top(1.01), 2);
  EXPECT_EQ(axis_top(2.2), 2.5);
  EXPECT_EQ(axis_top(7), 10);
  EXPECT_EQ(axis_top(12.35), 20);
  EXPECT_EQ(axis_top(4100), 5000);
}

TEST(CostChart, BarsScaleToTheAxisAndStandOnTheZeroLine) {
  const auto chart = cost_chart(year_2026({1.25, 2.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5}));
  ASSERT_EQ(chart.bars.size(), 12U);
  EXPECT_EQ(chart.ticks.back().label, "$5.00");
  const double full = chart.plot_bottom - chart.ticks.back().y;
  EXPECT_DOUBLE_EQ(chart.bars[11].height, full);
  EXPECT_DOUBLE_EQ(chart.bars[1].height, full / 2);
  EXPECT_DOUBLE_EQ(chart.bars[0].height, full / 4);
  EXPECT_EQ(chart.bars[2].height, 0);
  for (const auto& bar : chart.bars) {
    EXPECT_DOUBLE_EQ(bar.y + bar.height, chart.plot_bottom);
    EXPECT_GE(bar.x, chart.plot_left);
    EXPECT_LE(bar.x + bar.width, chart.plot_right);
  }
  for (std::size_t i = 1; i < chart.bars.size(); ++i)  // left to right, no overlap
    EXPECT_LT(chart.bars[i - 1].x + chart.bars[i - 1].width, chart.bars[i].x);
}

TEST(CostChart, LabelsTicksAndSummaryInTheUsersWords) {
  const auto chart = cost_chart(year_2026({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3.456, 12.345}));
  EXPECT_EQ(chart.bars[0].label, "Jan");
  EXPECT_EQ(chart.bars[11].title, "December 2026: $12.35");
  ASSERT_EQ(chart.ticks.size(), 5U);
  EXPECT_EQ(chart.ticks.front().label, "$0");
  EXPECT_EQ(chart.ticks.back().label, "$20");
  EXPECT_DOUBLE_EQ(chart.ticks.front().y, chart.plot_bottom);
  EXPECT_EQ(chart.summary, "Monthly cost from January 2026 to December 2026: $15.80 in all.");
  EXPECT_EQ(cost_chart(year_2026({0.2})).ticks.back().label, "$0.20");  // cents on a small axis
}

TEST(CostChart, NothingSpentStillDrawsAnAxisAndARefundDrawsNoBar) {
  const auto chart = cost_chart(year_2026({0, -2}));
  EXPECT_EQ(chart.ticks.back().label, "$1.00");
  EXPECT_EQ(chart.bars[1].height, 0);
  EXPECT_EQ(chart.bars[1].title, "February 2026: -$2.00");
}
