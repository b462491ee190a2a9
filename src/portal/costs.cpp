#include "portal/costs.h"

#include <cmath>
#include <cstdio>

#include "aws/errors.h"
#include "contracts/portal.h"

namespace heliocloud::portal {
namespace {

std::string iso_date(std::chrono::year_month_day day) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

std::string tomorrow(std::chrono::year_month_day today) {
  return iso_date(std::chrono::year_month_day(std::chrono::sys_days(today) + std::chrono::days(1)));
}

std::optional<std::string> total(const aws::CostExplorerClient& cost_explorer, std::string_view owner,
                                 const DateRange& range, const std::function<void(std::string_view)>& log) {
  try {
    double sum = 0;
    for (const auto& period : cost_explorer.cost_by_tag({.start = range.start,
                              .end = range.end,
                              .tag_key = std::string(contracts::portal::kOwnerTag),
                              .tag_value = std::string(owner)}))
      sum += period.amount;
    return format_usd(sum);
  } catch (const std::exception& e) {  // AWS or a malformed answer: the page goes on without the figure
    if (log)
      log(std::string("cost unavailable: Cost Explorer ") + range.start + ".." + range.end + ": " + e.what());
    return std::nullopt;
  }
}

}  // namespace

DateRange this_month(std::chrono::year_month_day today) {
  return {iso_date(today.year() / today.month() / std::chrono::day(1)), tomorrow(today)};
}

DateRange last_12_months(std::chrono::year_month_day today) {
  const std::chrono::year_month first = (today.year() / today.month()) - std::chrono::months(11);
  return {iso_date(first / std::chrono::day(1)), tomorrow(today)};
}

std::string format_usd(double amount) {
  // Round half away from zero on cents first, so 0.005 is $0.01 whatever printf's binary rounding does.
  const double cents = std::round(amount * 100.0);
  char text[64];
  std::snprintf(text, sizeof text, "$%.2f", cents / 100.0 == 0 ? 0.0 : cents / 100.0);
  return text;
}

Costs read_costs(const aws::CostExplorerClient& cost_explorer, std::string_view owner,
                 std::chrono::year_month_day today, const std::function<void(std::string_view)>& log) {
  return {total(cost_explorer, owner, this_month(today), log),
          total(cost_explorer, owner, last_12_months(today), log)};
}

}  // namespace heliocloud::portal
