#pragma once
// The datasets page's coverage timeline: one bar per dataset on a shared time axis with year ticks, laid out
// here (pure geometry, unit-tested) and drawn as inline SVG by the datasets template, which escapes every
// text. No JavaScript: the bars are links and carry a <title> tooltip.
#include <string>
#include <vector>

#include "registry/time.h"

namespace heliocloud::portal {

struct TimelineItem {
  std::string label;  // the dataset id
  registry::Instant start;
  registry::Instant stop;
  std::string href;   // the dataset page
  std::string title;  // tooltip: "id: start – stop"
};

struct TimelineSize {
  double width = 960;        // of the whole drawing, in SVG user units (it scales with the page)
  double label_width = 220;  // left column with the ids
  double row_height = 20;
  double bar_height = 12;
  double axis_height = 24;   // below the rows: tick marks and year labels
  double min_bar_width = 2;  // a dataset of one day is still visible
  int max_ticks = 12;
};

struct TimelineBar {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  double label_y = 0;  // baseline of the id, left of the plot
  std::string label;
  std::string href;
  std::string title;
};

struct TimelineTick {
  double x = 0;
  int year = 0;
};

struct Timeline {
  double width = 0;
  double height = 0;
  double plot_left = 0;   // x of the axis' first year
  double plot_right = 0;  // x of its end
  double axis_y = 0;      // y of the axis line
  double tick_label_y = 0;
  int first_year = 0;  // the axis runs from Jan 1 of first_year to Jan 1 of end_year
  int end_year = 0;
  std::vector<TimelineBar> bars;  // in the items' order, one row each
  std::vector<TimelineTick> ticks;
};

// Whole years from the earliest start's year to the year after the latest stop; ticks every 1, 2, 5, 10, 20,
// 50 or 100 years, the smallest step that keeps at most `max_ticks` of them. No items: an empty timeline.
[[nodiscard]] Timeline layout_timeline(const std::vector<TimelineItem>& items, const TimelineSize& size = {});

}  // namespace heliocloud::portal
