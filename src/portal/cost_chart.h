#pragma once
// The home page's cost chart: the last 12 months as bars, drawn as inline SVG by the server so it needs no
// script and no chart library, and reads the same in every browser. This is the geometry only (the template
// draws it), in the SVG's own units; tested on its own.
#include <string>
#include <vector>

#include "portal/costs.h"

namespace heliocloud::portal {

struct ChartBar {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  std::string label;  // "Jan", under the bar
  std::string title;  // "January 2026: $1.23", the bar's tooltip and accessible name
};

struct ChartTick {
  double y = 0;
  std::string label;  // "$5", "$2.50"
};

struct CostChart {
  double width = 0;
  double height = 0;
  double plot_left = 0;
  double plot_right = 0;
  double plot_bottom = 0;        // the $0 line
  std::vector<ChartBar> bars;    // oldest first
  std::vector<ChartTick> ticks;  // from $0 up to the axis' top, evenly spaced
  std::string summary;           // one sentence for screen readers
};

// The smallest 1, 2, 2.5 or 5 times a power of ten that is at least `amount` (1 for nothing spent), so the
// axis ends on a round figure just above the highest bar.
[[nodiscard]] double axis_top(double amount);

[[nodiscard]] CostChart cost_chart(const std::vector<MonthCost>& months);

}  // namespace heliocloud::portal
