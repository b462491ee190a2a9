#include "aws_constructs/cognito_user_pool_client.h"

#include <gtest/gtest.h>

#include "aws_constructs/cognito.h"
#include "construct/cfn_output.h"
#include "test_stack.h"

using heliocloud::testing::TestStack;
using nlohmann::json;
namespace aws = heliocloud::aws_constructs;
namespace construct = heliocloud::construct;

TEST(UserPoolClient, AuthorizationCodeClientWithASecret) {
  TestStack t;
  auto& pool = t.stack.make<aws::UserPool>("Pool", aws::UserPoolProps{});
  pool.add_client("Portal", {.client_name = "portal",
                             .callback_urls = {"https://portal.example.org/loggedin"},
                             .logout_urls = {"https://portal.example.org/logout"}});
  const auto tpl = t.synth();
  const auto pool_id = tpl.logical_id_of("AWS::Cognito::UserPool", json::object());
  EXPECT_TRUE(tpl.has_resource_properties("AWS::Cognito::UserPoolClient",
                                          {{"AllowedOAuthFlows", {"code"}},
                                           {"GenerateSecret", true},
                                           {"PreventUserExistenceErrors", "ENABLED"},
                                           {"CallbackURLs", {"https://portal.example.org/loggedin"}},
                                           {"UserPoolId", {{"Ref", pool_id}}}}));
}

TEST(UserPoolClient, ItsSecretMayBeUsedInItsOwnStack) {
  TestStack t;
  auto& pool = t.stack.make<aws::UserPool>("Pool", aws::UserPoolProps{});
  auto& client = pool.add_client("Portal", {.client_name = "portal"});
  t.stack.make<construct::CfnResource>(
      "Uses", "AWS::SSM::Parameter",
      construct::Value::Map{{"Type", construct::Value("String")}, {"Value", client.client_secret()}});
  const auto tpl = t.synth();
  EXPECT_EQ(tpl.only("AWS::SSM::Parameter")["Properties"]["Value"]["Fn::GetAtt"][1], "ClientSecret");
}

TEST(UserPoolClient, ItsSecretCannotLeaveTheStackThroughAnExport) {
  TestStack t;
  auto& pool = t.stack.make<aws::UserPool>("Pool", aws::UserPoolProps{});
  auto& client = pool.add_client("Portal", {.client_name = "portal"});
  auto& portal = t.app.make<construct::Stack>("Portal");
  portal.make<construct::CfnOutput>("Id", construct::OutputProps{.value = client.user_pool_client_id()});
  EXPECT_NO_THROW(heliocloud::testing::Template::from_stack(portal));  // the id is no secret
  portal.make<construct::CfnOutput>("Secret", construct::OutputProps{.value = client.client_secret()});
  try {
    (void)heliocloud::testing::Template::from_stack(portal);
    FAIL() << "a cross-stack use of the client secret must fail";
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("Portal"), std::string::npos) << what;
    EXPECT_NE(what.find("Test"), std::string::npos) << what;
    EXPECT_NE(what.find("ClientSecret"), std::string::npos) << what;
  }
}
