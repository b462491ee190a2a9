#include "portal/dataset_timeline.h"

#include <gtest/gtest.h>

namespace heliocloud::portal {
namespace {

using registry::parse_time;

TimelineItem item(const std::string& id, const char* start, const char* stop) {
  return {.label = id,
          .start = parse_time(start),
          .stop = parse_time(stop),
          .href = "/datasets/b/" + id,
          .title = id};
}

TEST(DatasetTimeline, BarsShareOneAxisOfWholeYears) {
  const TimelineSize size{.width = 1220, .label_width = 220, .row_height = 20, .bar_height = 12};
  const auto t = layout_timeline(
      {item("A", "2015-01-01", "2020-01-01"), item("B", "2017-07-02T12:00:00Z", "2024-06-01")}, size);
  EXPECT_EQ(t.first_year, 2015);
  EXPECT_EQ(t.end_year, 2025);  // the year after the last stop
  ASSERT_EQ(t.bars.size(), 2U);
  EXPECT_DOUBLE_EQ(t.bars[0].x, 220);  // Jan 1 2015: the plot's left edge
  // 2015..2020 is 5 of the axis' 10 years (1826 of 3653 days) of 1000 units.
  EXPECT_NEAR(t.bars[0].width, 1000.0 * 1826 / 3653, 1e-6);
  EXPECT_GT(t.bars[1].x, t.bars[0].x);
  EXPECT_DOUBLE_EQ(t.bars[0].y, 4);  // centred in its 20-unit row
  EXPECT_DOUBLE_EQ(t.bars[1].y, 24);
  EXPECT_DOUBLE_EQ(t.axis_y, 40);
  EXPECT_DOUBLE_EQ(t.height, 40 + size.axis_height);
  EXPECT_EQ(t.bars[1].href, "/datasets/b/B");
}

TEST(DatasetTimeline, TicksAreYearsWithAStepThatFits) {
  auto t = layout_timeline({item("A", "2015-03-01", "2020-01-01")});
  ASSERT_EQ(t.ticks.size(), 7U);  // 2015..2021, one a year
  EXPECT_EQ(t.ticks.front().year, 2015);
  EXPECT_DOUBLE_EQ(t.ticks.front().x, t.plot_left);
  EXPECT_EQ(t.ticks.back().year, 2021);
  EXPECT_DOUBLE_EQ(t.ticks.back().x, t.plot_right);

  t = layout_timeline({item("old", "1957-10-04", "2026-01-01")});  // 70 years: every 10
  ASSERT_FALSE(t.ticks.empty());
  EXPECT_LE(t.ticks.size(), 12U);
  for (const auto& tick : t.ticks) EXPECT_EQ(tick.year % 10, 0) << tick.year;
  EXPECT_EQ(t.ticks.front().year, 1960);
  for (std::size_t i = 1; i < t.ticks.size(); ++i) EXPECT_GT(t.ticks[i].x, t.ticks[i - 1].x);
}

TEST(DatasetTimeline, AOneDayDatasetIsStillVisibleAndInside) {
  const auto t = layout_timeline(
      {item("A", "2000-01-01", "2020-01-01"), item("day", "2020-12-31", "2020-12-31T06:00:00Z")});
  EXPECT_DOUBLE_EQ(t.bars[1].width, TimelineSize{}.min_bar_width);
  EXPECT_LE(t.bars[1].x + t.bars[1].width, t.plot_right + 1e-9);
}

TEST(DatasetTimeline, NoDatasetsNoBars) {
  const auto t = layout_timeline({});
  EXPECT_TRUE(t.bars.empty());
  EXPECT_TRUE(t.ticks.empty());
}

}  // namespace
}  // namespace heliocloud::portal
