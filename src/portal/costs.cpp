#include "portal/costs.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

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

// "2026-03-01" -> 2026/March; anything else is Cost Explorer answering out of contract.
std::chrono::year_month period_month(const std::string& start) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  char rest = 0;
  // NOLINTNEXTLINE(bugprone-unchecked-string-to-number-conversion): the count is checked
  if (start.size() != 10 || std::sscanf(start.c_str(), "%4d-%2u-%2u%c", &year, &month, &day, &rest) != 3 ||
      month < 1 || month > 12)
    throw std::invalid_argument("Cost Explorer period start \"" + start + "\" is not a YYYY-MM-DD date");
  return std::chrono::year(year) / std::chrono::month(month);
}

}  // namespace

DateRange last_12_months(std::chrono::year_month_day today) {
  const std::chrono::year_month first = (today.year() / today.month()) - std::chrono::months(11);
  return {.start = iso_date(first / std::chrono::day(1)), .end = tomorrow(today)};
}

std::string format_usd(double amount) {
  // Round half away from zero on cents first, so 0.005 is $0.01 whatever printf's binary rounding does.
  // A refund makes a month negative: "-$2.00", as bills write it.
  const double cents = std::round(amount * 100.0);
  char text[64];
  std::snprintf(text, sizeof text, "%s$%.2f", cents < 0 ? "-" : "", std::abs(cents) / 100.0);
  return text;
}

std::vector<MonthCost> monthly_costs(const std::vector<aws::CostPeriod>& periods,
                                     std::chrono::year_month_day today) {
  const std::chrono::year_month last = today.year() / today.month();
  std::vector<MonthCost> months;
  for (int back = 11; back >= 0; --back) months.push_back({.month = last - std::chrono::months(back)});
  for (const auto& period : periods) {
    const auto month = period_month(period.start);
    for (auto& m : months)
      if (m.month == month) m.amount += period.amount;
  }
  return months;
}

Costs read_costs(const aws::CostExplorerClient& cost_explorer, std::string_view owner,
                 std::chrono::year_month_day today, const std::function<void(std::string_view)>& log) {
  const DateRange range = last_12_months(today);
  try {
    Costs costs;
    costs.months =
        monthly_costs(cost_explorer.cost_by_tag({.start = range.start,
                                                 .end = range.end,
                                                 .granularity = "MONTHLY",
                                                 .tag_key = std::string(contracts::portal::kOwnerTag),
                                                 .tag_value = std::string(owner)}),
                      today);
    double sum = 0;
    for (const auto& m : costs.months) sum += m.amount;
    costs.this_month = format_usd(costs.months.back().amount);
    costs.last_12_months = format_usd(sum);
    return costs;
  } catch (const std::exception& e) {  // AWS or a malformed answer: the page goes on without the figures
    if (log)
      log(std::string("cost unavailable: Cost Explorer ") + range.start + ".." + range.end + ": " + e.what());
    return {};
  }
}

}  // namespace heliocloud::portal
