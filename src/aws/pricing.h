#pragma once
// The AWS Price List Query API (pricing, AWS JSON 1.1; endpoint in us-east-1): the on-demand hourly price of
// EC2 instance types in a region, for the portal's launch form. Prices change rarely; callers cache them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aws/client_config.h"
#include "aws/service_client.h"

namespace heliocloud::aws {

struct OnDemandPrice {
  std::string instance_type;
  double usd_per_hour = 0;
  std::string vcpu;    // as the price list gives it: "2"
  std::string memory;  // "1 GiB"
  std::string operating_system;
};

// One PriceList entry (a JSON document as text) -> its on-demand USD hourly price; nullopt when the entry
// has none (a reserved-only product). Throws std::runtime_error naming what is malformed.
std::optional<OnDemandPrice> parse_on_demand_price(std::string_view price_list_item);

class PricingClient {
 public:
  explicit PricingClient(ClientConfig config);
  // Linux, shared tenancy, no pre-installed software, in `region` (e.g. us-east-1), for each of
  // `instance_types` that has a price; across all pages.
  std::vector<OnDemandPrice> linux_on_demand_prices(const std::string& region,
                                                    const std::vector<std::string>& instance_types) const;
  const ServiceClient& service() const noexcept { return client_; }

 private:
  ServiceClient client_;
};

}  // namespace heliocloud::aws
