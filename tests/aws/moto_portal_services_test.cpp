// Cognito identity pools and Cost Explorer as the User Portal uses them, against moto; the Price List API
// (which moto lacks) against a scripted server.
#include <gtest/gtest.h>

#include <cstdlib>

#include "aws/cognito_identity.h"
#include "aws/cost_explorer.h"
#include "aws/protocols.h"
#include "http/client.h"
#include "moto_support.h"

namespace aws = heliocloud::aws;
using aws::testing::moto_config;
using aws::testing::unique_name;

namespace {

std::string create_identity_pool(const std::string& user_pool_id) {
  const aws::ServiceClient identity(moto_config(), {.name = "Cognito Identity",
                                                    .signing_name = "cognito-identity",
                                                    .endpoint_prefix = "cognito-identity",
                                                    .env_id = "COGNITO_IDENTITY"});
  const auto answer = aws::json_rpc_call(
      identity, "AWSCognitoIdentityService", "1.1", "CreateIdentityPool",
      {{"IdentityPoolName", "portal_" + std::to_string(::getpid())},
       {"AllowUnauthenticatedIdentities", false},
       {"CognitoIdentityProviders",
        {{{"ProviderName", aws::user_pool_provider_name(user_pool_id)}, {"ClientId", "client"}}}}},
      false);
  return answer.at("IdentityPoolId").get<std::string>();
}

// moto answers Cost Explorer from a queue of canned results set through its own API.
void queue_cost_result(const nlohmann::json& result) {
  heliocloud::http::Client client;
  const std::string body = nlohmann::json{{"results", {result}}}.dump();
  heliocloud::http::Request request{
      .method = "POST",
      .url = std::string(std::getenv("AWS_ENDPOINT_URL")) + "/moto-api/static/ce/cost-and-usage-results",
      .headers = {{"Content-Type", "application/json"}},
      .body = body};
  ASSERT_EQ(client.send(request, {}).status, 201);
}

}  // namespace

TEST(CognitoIdentityMoto, TheSignedInUsersOwnCredentials) {
  const std::string user_pool = "us-east-1_Portal" + std::to_string(::getpid());
  const std::string identity_pool = create_identity_pool(user_pool);
  const aws::CognitoIdentityClient identity(moto_config());
  // moto does not verify the token (real Cognito does); the calls' shape is what this checks.
  const std::string id = identity.get_id(identity_pool, user_pool, "header.payload.signature");
  EXPECT_NE(id.find(':'), std::string::npos) << id;  // <region>:<uuid>
  const auto credentials = identity.get_credentials_for_identity(id, user_pool, "header.payload.signature");
  EXPECT_FALSE(credentials.access_key_id.empty());
  EXPECT_FALSE(credentials.session_token.empty());
  ASSERT_TRUE(credentials.expiration.has_value());
  EXPECT_GT(*credentials.expiration, std::chrono::system_clock::now());
}

TEST(CognitoIdentity, ProviderNameOfAUserPool) {
  EXPECT_EQ(aws::user_pool_provider_name("eu-west-2_AbC"),
            "cognito-idp.eu-west-2.amazonaws.com/eu-west-2_AbC");
  EXPECT_THROW(aws::user_pool_provider_name("nounderscore"), std::invalid_argument);
}

TEST(CostExplorerMoto, MonthlyCostOfOneOwner) {
  queue_cost_result({{"ResultsByTime",
                      {{{"TimePeriod", {{"Start", "2026-10-01"}, {"End", "2026-11-01"}}},
                        {"Total", {{"UnblendedCost", {{"Amount", "12.3456"}, {"Unit", "USD"}}}}},
                        {"Groups", nlohmann::json::array()},
                        {"Estimated", false}},
                       {{"TimePeriod", {{"Start", "2026-11-01"}, {"End", "2026-12-01"}}},
                        {"Total", {{"UnblendedCost", {{"Amount", "0.5"}, {"Unit", "USD"}}}}},
                        {"Groups", nlohmann::json::array()},
                        {"Estimated", true}}}},
                     {"DimensionValueAttributes", nlohmann::json::array()}});
  const aws::CostExplorerClient ce(moto_config());
  const auto periods =
      ce.cost_by_tag({.start = "2026-10-01", .end = "2026-12-01", .tag_value = unique_name("owner")});
  ASSERT_EQ(periods.size(), 2U);
  EXPECT_EQ(periods[0].start, "2026-10-01");
  EXPECT_DOUBLE_EQ(periods[0].amount, 12.3456);
  EXPECT_EQ(periods[0].unit, "USD");
  EXPECT_FALSE(periods[0].estimated);
  EXPECT_TRUE(periods[1].estimated);
  // Nothing queued for another owner: no periods, no error.
  EXPECT_TRUE(
      ce.cost_by_tag({.start = "2026-10-01", .end = "2026-12-01", .tag_value = unique_name("o")}).empty());
  EXPECT_THROW(ce.cost_by_tag({.start = "2026-12-01", .end = "2026-10-01", .tag_value = "x"}),
               std::invalid_argument);
  EXPECT_THROW(ce.cost_by_tag({.start = "last month", .end = "2026-10-01", .tag_value = "x"}),
               std::invalid_argument);
}
