// The Price List API against a scripted server (moto has no pricing): the request the portal makes, and
// reading on-demand prices out of the price list documents.
#include "aws/pricing.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fake_http_server.h"
#include "scripted_server_config.h"

namespace aws = heliocloud::aws;
using heliocloud::testing::CannedResponse;
using heliocloud::testing::FakeHttpServer;
using heliocloud::testing::RecordedRequest;

namespace {

// The shape of a real AmazonEC2 price list entry (aws_v1), trimmed to what is read.
std::string price_item(const std::string& type, const std::string& usd) {
  return nlohmann::json{{"product",
                         {{"productFamily", "Compute Instance"},
                          {"attributes",
                           {{"instanceType", type},
                            {"vcpu", "2"},
                            {"memory", "1 GiB"},
                            {"operatingSystem", "Linux"},
                            {"regionCode", "us-east-1"}}},
                          {"sku", "SKU1"}}},
                        {"terms",
                         {{"OnDemand",
                           {{"SKU1.JRTCKXETXF",
                             {{"priceDimensions",
                               {{"SKU1.JRTCKXETXF.6YS6EN2CT7",
                                 {{"unit", "Hrs"},
                                  {"pricePerUnit", {{"USD", usd}}},
                                  {"description", "$0.0104 per On Demand Linux"}}}}}}}}}}}}
      .dump();
}

aws::ClientConfig pricing_config(const FakeHttpServer& server) {
  return aws::testing::scripted_server_config(server, "eu-west-1");
}

}  // namespace

TEST(Pricing, ParsesTheOnDemandHourlyPrice) {
  const auto price = aws::parse_on_demand_price(price_item("t3.micro", "0.0104000000"));
  ASSERT_TRUE(price.has_value());
  EXPECT_EQ(price->instance_type, "t3.micro");
  EXPECT_DOUBLE_EQ(price->usd_per_hour, 0.0104);
  EXPECT_EQ(price->memory, "1 GiB");
  EXPECT_EQ(price->vcpu, "2");
}

TEST(Pricing, EntriesWithoutAnOnDemandPriceAndMalformedOnes) {
  auto doc = nlohmann::json::parse(price_item("t3.micro", "0.01"));
  doc["terms"].erase("OnDemand");
  EXPECT_FALSE(aws::parse_on_demand_price(doc.dump()).has_value());
  EXPECT_THROW(aws::parse_on_demand_price("{not json"), std::runtime_error);
  EXPECT_THROW(aws::parse_on_demand_price(R"({"product":{}})"), std::runtime_error);
  try {
    (void)aws::parse_on_demand_price(price_item("t3.micro", "ten cents"));
    FAIL() << "a price that is not a number was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("\"ten cents\" of t3.micro"), std::string::npos) << e.what();
  }
}

TEST(Pricing, AsksForLinuxSharedTenancyInTheRegionAndFollowsPages) {
  FakeHttpServer server([](const RecordedRequest& r) {
    nlohmann::json answer = {{"FormatVersion", "aws_v1"},
                             {"PriceList", {price_item(r.index == 0 ? "m5.large" : "m5.xlarge", "0.096")}}};
    if (r.index == 0) answer["NextToken"] = "more";
    return CannedResponse(200, {}, answer.dump());
  });
  const aws::PricingClient pricing(pricing_config(server));
  const auto prices = pricing.linux_on_demand_prices("eu-west-1", {"m5.large"});
  ASSERT_EQ(prices.size(), 2U);
  const auto first = server.requests().at(0);
  EXPECT_EQ(first.header("x-amz-target"), "AWSPriceListService.GetProducts");
  const auto body = nlohmann::json::parse(first.body);
  EXPECT_EQ(body["ServiceCode"], "AmazonEC2");
  const std::string filters = body["Filters"].dump();
  for (const char* expected : {R"("Field":"regionCode","Type":"TERM_MATCH","Value":"eu-west-1")",
                               R"("Field":"instanceType","Type":"TERM_MATCH","Value":"m5.large")",
                               R"("Field":"operatingSystem","Type":"TERM_MATCH","Value":"Linux")",
                               R"("Field":"tenancy","Type":"TERM_MATCH","Value":"Shared")"})
    EXPECT_NE(filters.find(expected), std::string::npos) << filters;
  EXPECT_EQ(nlohmann::json::parse(server.requests().at(1).body)["NextToken"], "more");
  // Signed for us-east-1, where the API lives, whatever the caller's region.
  EXPECT_NE(first.header("authorization").find("/us-east-1/pricing/aws4_request"), std::string::npos)
      << first.header("authorization");
}
