#include "aws/pricing.h"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>

#include "aws/protocols.h"

namespace heliocloud::aws {
namespace {

constexpr const char* kPricingTarget = "AWSPriceListService";

ServiceInfo pricing_info() {
  return {
      .name = "Pricing", .signing_name = "pricing", .endpoint_prefix = "api.pricing", .env_id = "PRICING"};
}

nlohmann::json term_match(const std::string& field, const std::string& value) {
  return {{"Type", "TERM_MATCH"}, {"Field", field}, {"Value", value}};
}

}  // namespace

std::optional<OnDemandPrice> parse_on_demand_price(std::string_view price_list_item) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(price_list_item);
  } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for a number beyond a double
    throw std::runtime_error(std::string("Pricing: a price list entry is not JSON: ") + e.what());
  }
  const auto attributes = doc.value("/product/attributes"_json_pointer, nlohmann::json::object());
  if (!attributes.is_object() || !attributes.contains("instanceType"))
    throw std::runtime_error("Pricing: a price list entry has no product.attributes.instanceType");
  OnDemandPrice out{.instance_type = attributes.value("instanceType", std::string()),
                    .vcpu = attributes.value("vcpu", std::string()),
                    .memory = attributes.value("memory", std::string()),
                    .operating_system = attributes.value("operatingSystem", std::string())};
  const auto on_demand = doc.value("/terms/OnDemand"_json_pointer, nlohmann::json::object());
  for (const auto& [offer_id, offer] : on_demand.items()) {
    // A named copy: items() of the temporary that value() returns would dangle in the loop.
    const auto dimensions = offer.value("priceDimensions", nlohmann::json::object());
    for (const auto& [dimension_id, dimension] : dimensions.items()) {
      if (dimension.value("unit", std::string()) != "Hrs") continue;
      const std::string usd = dimension.value("/pricePerUnit/USD"_json_pointer, std::string());
      try {
        std::size_t used = 0;
        out.usd_per_hour = std::stod(usd, &used);
        if (used != usd.size()) throw std::invalid_argument(usd);
      } catch (const std::exception&) {
        throw std::runtime_error("Pricing: price \"" + usd + "\" of " + out.instance_type + " (" +
                                 dimension_id + ") is not a number");
      }
      return out;
    }
  }
  return std::nullopt;
}

PricingClient::PricingClient(ClientConfig config)
    : client_(with_fixed_endpoint(std::move(config), pricing_info(),
                                  "https://api.pricing.us-east-1.amazonaws.com", "us-east-1"),
              pricing_info()) {}

std::vector<OnDemandPrice> PricingClient::linux_on_demand_prices(
    const std::string& region, const std::vector<std::string>& instance_types) const {
  std::vector<OnDemandPrice> out;
  for (const auto& type : instance_types) {
    nlohmann::json body = {{"ServiceCode", "AmazonEC2"},
                           {"FormatVersion", "aws_v1"},
                           {"MaxResults", 100},
                           {"Filters",
                            {term_match("regionCode", region), term_match("instanceType", type),
                             term_match("operatingSystem", "Linux"), term_match("tenancy", "Shared"),
                             term_match("preInstalledSw", "NA"), term_match("capacitystatus", "Used")}}};
    std::string next;
    do {
      if (!next.empty()) body["NextToken"] = next;
      const auto answer = json_rpc_call(client_, kPricingTarget, "1.1", "GetProducts", body, true);
      for (const auto& item : answer.value("PriceList", nlohmann::json::array())) {
        // Each entry is a JSON document inside a string.
        if (!item.is_string())
          throw std::runtime_error("Pricing GetProducts: a PriceList entry is not a string");
        if (auto price = parse_on_demand_price(item.get<std::string>())) out.push_back(std::move(*price));
      }
      next = answer.value("NextToken", std::string());
    } while (!next.empty());
  }
  return out;
}

}  // namespace heliocloud::aws
