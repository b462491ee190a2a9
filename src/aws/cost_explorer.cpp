#include "aws/cost_explorer.h"

#include <regex>
#include <stdexcept>
#include <utility>

#include "aws/protocols.h"

namespace heliocloud::aws {
namespace {

constexpr const char* kCostExplorerTarget = "AWSInsightsIndexService";

ServiceInfo cost_explorer_info() {
  return {.name = "Cost Explorer", .signing_name = "ce", .endpoint_prefix = "ce", .env_id = "COST_EXPLORER"};
}

double amount_of(const nlohmann::json& metric, const std::string& where) {
  const std::string text = metric.value("Amount", std::string());
  try {
    std::size_t used = 0;
    const double value = std::stod(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {  // ignored: the error below says what was wrong
  }
  throw std::runtime_error("Cost Explorer: amount \"" + text + "\" of " + where + " is not a number");
}

}  // namespace

CostExplorerClient::CostExplorerClient(ClientConfig config)
    : client_(with_fixed_endpoint(std::move(config), cost_explorer_info(),
                                  "https://ce.us-east-1.amazonaws.com", "us-east-1"),
              cost_explorer_info()) {}

std::vector<CostPeriod> CostExplorerClient::cost_by_tag(const CostByTagRequest& request) const {
  static const std::regex kDate(R"(\d{4}-\d{2}-\d{2})");
  if (!std::regex_match(request.start, kDate) || !std::regex_match(request.end, kDate) ||
      request.start >= request.end)
    throw std::invalid_argument("Cost Explorer: the range " + request.start + " .. " + request.end +
                                " is not two YYYY-MM-DD dates in order");
  nlohmann::json body = {
      {"TimePeriod", {{"Start", request.start}, {"End", request.end}}},
      {"Granularity", request.granularity},
      {"Metrics", {request.metric}},
      {"Filter",
       {{"Tags",
         {{"Key", request.tag_key}, {"Values", {request.tag_value}}, {"MatchOptions", {"EQUALS"}}}}}}};
  std::vector<CostPeriod> out;
  std::string next;
  do {
    if (!next.empty()) body["NextPageToken"] = next;
    const auto answer = json_rpc_call(client_, kCostExplorerTarget, "1.1", "GetCostAndUsage", body, true);
    for (const auto& r : answer.value("ResultsByTime", nlohmann::json::array())) {
      CostPeriod period{.start = r.value("/TimePeriod/Start"_json_pointer, std::string()),
                        .end = r.value("/TimePeriod/End"_json_pointer, std::string()),
                        .estimated = r.value("Estimated", false)};
      const auto total = r.find("Total");
      if (total != r.end() && total->contains(request.metric)) {
        const auto& metric = (*total)[request.metric];
        period.amount = amount_of(metric, period.start);
        period.unit = metric.value("Unit", std::string());
      }
      out.push_back(std::move(period));
    }
    next = answer.value("NextPageToken", std::string());
  } while (!next.empty());
  return out;
}

}  // namespace heliocloud::aws
