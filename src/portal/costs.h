#pragma once
// What the user's machines cost: Cost Explorer's unblended cost by the Owner tag, this month and the last
// 12 months (this month and the 11 before it), as "$12.34". The original summed 7 and 365 days and printed
// Python's float ("$3.1"); webapps doc §A6. Cost Explorer is paid per request and often slow, so a failure
// shows "cost unavailable" instead of failing the page.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "aws/cost_explorer.h"

namespace heliocloud::portal {

struct DateRange {
  std::string start;  // YYYY-MM-DD, inclusive
  std::string end;    // YYYY-MM-DD, exclusive
};

// From the first of today's month to tomorrow (Cost Explorer's end is exclusive and must follow the start).
[[nodiscard]] DateRange this_month(std::chrono::year_month_day today);
// From the first of the month 11 months before today's, to tomorrow: 12 monthly buckets.
[[nodiscard]] DateRange last_12_months(std::chrono::year_month_day today);

// "$0.00", "$1234.57": two decimals, rounded.
[[nodiscard]] std::string format_usd(double amount);

struct Costs {
  std::optional<std::string> this_month;  // nullopt: cost unavailable
  std::optional<std::string> last_12_months;
};

[[nodiscard]] Costs read_costs(const aws::CostExplorerClient& cost_explorer, std::string_view owner,
                               std::chrono::year_month_day today,
                               const std::function<void(std::string_view)>& log);

}  // namespace heliocloud::portal
