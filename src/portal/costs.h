#pragma once
// What the user's machines cost: Cost Explorer's unblended cost by the Owner tag, month by month over the
// last 12 months (this month and the 11 before it), shown as "$12.34" totals and a bar chart. The original
// summed 7 and 365 days in two requests and printed Python's float ("$3.1"); webapps doc §A6. Cost Explorer
// is paid per request ($0.01) and often slow, so one monthly request answers all three figures, and a failure
// shows "cost unavailable" instead of failing the page.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aws/cost_explorer.h"

namespace heliocloud::portal {

struct DateRange {
  std::string start;  // YYYY-MM-DD, inclusive
  std::string end;    // YYYY-MM-DD, exclusive
};

// From the first of the month 11 months before today's, to tomorrow (Cost Explorer's end is exclusive and
// must follow the start): 12 monthly buckets.
[[nodiscard]] DateRange last_12_months(std::chrono::year_month_day today);

// "$0.00", "$1234.57": two decimals, rounded.
[[nodiscard]] std::string format_usd(double amount);

struct MonthCost {
  std::chrono::year_month month;
  double amount = 0;  // USD
};

struct Costs {
  std::optional<std::string> this_month;  // nullopt: cost unavailable
  std::optional<std::string> last_12_months;
  std::vector<MonthCost> months;  // the 12 months, oldest first; empty when unavailable
};

// Cost Explorer's monthly periods laid on the 12 months ending with today's: a month it does not report (no
// usage yet) is $0, and a period outside the range is ignored. Throws std::invalid_argument on a period whose
// start is not a date.
[[nodiscard]] std::vector<MonthCost> monthly_costs(const std::vector<aws::CostPeriod>& periods,
                                                   std::chrono::year_month_day today);

[[nodiscard]] Costs read_costs(const aws::CostExplorerClient& cost_explorer, std::string_view owner,
                               std::chrono::year_month_day today,
                               const std::function<void(std::string_view)>& log);

}  // namespace heliocloud::portal
