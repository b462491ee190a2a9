#include "portal/cost_chart.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace heliocloud::portal {
namespace {

constexpr double kWidth = 600;
constexpr double kHeight = 200;
constexpr double kLeft = 56;  // room for "$1000" on the axis
constexpr double kRight = 592;
constexpr double kTop = 10;
constexpr double kBottom = 176;    // room for the month names under the bars
constexpr double kBarShare = 0.7;  // of each month's slot; the rest is the gap between bars
constexpr int kTicks = 4;

constexpr std::array<const char*, 12> kMonthNames = {"January",   "February", "March",    "April",
                                                     "May",       "June",     "July",     "August",
                                                     "September", "October",  "November", "December"};

std::string month_name(std::chrono::year_month month) {
  return kMonthNames.at(static_cast<unsigned>(month.month()) - 1);
}

std::string month_and_year(std::chrono::year_month month) {
  return month_name(month) + " " + std::to_string(static_cast<int>(month.year()));
}

// Whole dollars once the axis reaches $10, cents below it, so the labels stay short.
std::string tick_label(double amount, double top) {
  char text[32];
  if (top >= 10)
    std::snprintf(text, sizeof text, "$%.0f", amount);
  else
    std::snprintf(text, sizeof text, "$%.2f", amount);
  return text;
}

}  // namespace

double axis_top(double amount) {
  if (!(amount > 0)) return 1;  // also NaN
  const double power = std::pow(10.0, std::floor(std::log10(amount)));
  for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (step * power >= amount * (1 - 1e-12)) return step * power;
  return 10 * power;
}

CostChart cost_chart(const std::vector<MonthCost>& months) {
  CostChart chart{
      .width = kWidth, .height = kHeight, .plot_left = kLeft, .plot_right = kRight, .plot_bottom = kBottom};
  double highest = 0;
  double total = 0;
  for (const auto& m : months) {
    highest = std::max(highest, m.amount);
    total += m.amount;
  }
  const double top = axis_top(highest);
  const double scale = (kBottom - kTop) / top;
  for (int i = 0; i <= kTicks; ++i) {
    const double amount = top * i / kTicks;
    chart.ticks.push_back({.y = kBottom - (amount * scale), .label = tick_label(amount, top)});
  }
  const double slot = months.empty() ? 0 : (kRight - kLeft) / static_cast<double>(months.size());
  for (std::size_t i = 0; i < months.size(); ++i) {
    const auto& m = months[i];
    // A refund can make a month negative; it is drawn as nothing rather than below the axis.
    const double height = std::max(m.amount, 0.0) * scale;
    const std::string name = month_name(m.month);
    chart.bars.push_back({.x = kLeft + (slot * static_cast<double>(i)) + (slot * (1 - kBarShare) / 2),
                          .y = kBottom - height,
                          .width = slot * kBarShare,
                          .height = height,
                          .label = name.substr(0, 3),
                          .title = month_and_year(m.month) + ": " + format_usd(m.amount)});
  }
  if (!months.empty())
    chart.summary = "Monthly cost from " + month_and_year(months.front().month) + " to " +
                    month_and_year(months.back().month) + ": " + format_usd(total) + " in all.";
  return chart;
}

}  // namespace heliocloud::portal
