#include "portal/dataset_timeline.h"

#include <algorithm>
#include <chrono>

namespace heliocloud::portal {
namespace {

double seconds_since_epoch(const registry::Instant& t) {
  return static_cast<double>(t.seconds.time_since_epoch().count()) + (t.nanos / 1e9);
}

double new_year(int year) {
  using namespace std::chrono;
  return static_cast<double>(
      sys_seconds(sys_days(std::chrono::year(year) / January / 1)).time_since_epoch().count());
}

int tick_step(int years, int max_ticks) {
  for (const int step : {1, 2, 5, 10, 20, 50, 100}) {
    if (((years + step - 1) / step) + 1 <= max_ticks) return step;
  }
  return 100;
}

}  // namespace

Timeline layout_timeline(const std::vector<TimelineItem>& items, const TimelineSize& size) {
  Timeline t;
  t.width = size.width;
  t.plot_left = size.label_width;
  t.plot_right = size.width;
  t.axis_y = static_cast<double>(items.size()) * size.row_height;
  t.tick_label_y = t.axis_y + size.axis_height - 6;
  t.height = t.axis_y + size.axis_height;
  if (items.empty()) return t;
  const auto earliest =
      std::ranges::min_element(items, [](const auto& a, const auto& b) { return a.start < b.start; });
  const auto last_stop =
      std::ranges::max_element(items, [](const auto& a, const auto& b) { return a.stop < b.stop; });
  t.first_year = earliest->start.year();
  t.end_year = std::max(last_stop->stop.year(), t.first_year) + 1;
  const double from = new_year(t.first_year);
  const double span = new_year(t.end_year) - from;
  const double plot_width = t.plot_right - t.plot_left;
  const auto x_of = [&](double seconds) { return t.plot_left + ((seconds - from) / span * plot_width); };

  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    TimelineBar bar;
    const double row_top = static_cast<double>(i) * size.row_height;
    bar.x = x_of(seconds_since_epoch(item.start));
    const double end = x_of(seconds_since_epoch(std::max(item.stop, item.start)));
    bar.width = std::max(end - bar.x, size.min_bar_width);
    bar.x = std::min(bar.x, t.plot_right - bar.width);  // a short bar at the very end stays inside
    bar.y = row_top + ((size.row_height - size.bar_height) / 2);
    bar.height = size.bar_height;
    bar.label_y = row_top + (size.row_height * 0.7);
    bar.label = item.label;
    bar.href = item.href;
    bar.title = item.title;
    t.bars.push_back(std::move(bar));
  }
  const int step = tick_step(t.end_year - t.first_year, size.max_ticks);
  for (int year = (t.first_year + step - 1) / step * step; year <= t.end_year; year += step)
    t.ticks.push_back({.x = x_of(new_year(year)), .year = year});
  return t;
}

}  // namespace heliocloud::portal
