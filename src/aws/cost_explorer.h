#pragma once
// AWS Cost Explorer (AWS JSON 1.1; one endpoint, in us-east-1): what a user's machines cost, by the Owner
// tag the portal puts on each instance and its volume.
#include <string>
#include <vector>

#include "aws/client_config.h"
#include "aws/service_client.h"

namespace heliocloud::aws {

struct CostPeriod {
  std::string start;  // YYYY-MM-DD, inclusive
  std::string end;    // YYYY-MM-DD, exclusive
  double amount = 0;
  std::string unit;  // "USD"
  bool estimated = false;
};

struct CostByTagRequest {
  std::string start;                    // YYYY-MM-DD
  std::string end;                      // YYYY-MM-DD, after start
  std::string granularity = "MONTHLY";  // DAILY | MONTHLY
  std::string tag_key = "Owner";
  std::string tag_value;
  std::string metric = "UnblendedCost";
};

class CostExplorerClient {
 public:
  explicit CostExplorerClient(ClientConfig config);
  // One period per day or month of the range, in order, across all pages.
  std::vector<CostPeriod> cost_by_tag(const CostByTagRequest& request) const;
  const ServiceClient& service() const noexcept { return client_; }

 private:
  ServiceClient client_;
};

}  // namespace heliocloud::aws
