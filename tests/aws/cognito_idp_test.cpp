// The Cognito user-pool client against a scripted local server: what each call sends (target, protocol,
// fields) and how Cognito's errors arrive as AwsError classes.
#include "aws/cognito_idp.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "aws/errors.h"
#include "fake_http_server.h"
#include "scripted_server_config.h"

namespace aws = heliocloud::aws;
using heliocloud::testing::CannedResponse;
using heliocloud::testing::FakeHttpServer;
using heliocloud::testing::RecordedRequest;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

aws::ClientConfig cognito_config(const FakeHttpServer& server) {
  return aws::testing::scripted_server_config(server);
}

CannedResponse cognito_error(int status, const std::string& type, const std::string& message) {
  return {status,
          {{"Content-Type", "application/x-amz-json-1.1"}},
          json{{"__type", type}, {"message", message}}.dump()};
}

CannedResponse ok(const json& body) {
  return {200, {{"Content-Type", "application/x-amz-json-1.1"}}, body.dump()};
}

}  // namespace

TEST(CognitoIdp, AdminCreateUserSendsSuppressAndTheAttributes) {
  FakeHttpServer server([](const RecordedRequest&) {
    return ok({{"User",
                {{"Username", "ada"},
                 {"UserStatus", "FORCE_CHANGE_PASSWORD"},
                 {"Enabled", true},
                 {"Attributes", {{{"Name", "email"}, {"Value", "ada@example.org"}}}}}}});
  });
  const aws::CognitoIdpClient cognito(cognito_config(server));
  const auto user =
      cognito.admin_create_user({.user_pool_id = "us-east-1_Pool",
                                 .username = "ada",
                                 .attributes = {{.name = "email", .value = "ada@example.org"},
                                                {.name = "custom:affiliation", .value = "NASA GSFC"}}});
  EXPECT_EQ(user.username, "ada");
  EXPECT_EQ(user.status, "FORCE_CHANGE_PASSWORD");
  EXPECT_TRUE(user.enabled);
  EXPECT_EQ(user.attribute("email"), "ada@example.org");
  EXPECT_EQ(user.attribute("custom:affiliation"), std::nullopt);

  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1U);
  const auto& r = requests[0];
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.target, "/");
  EXPECT_EQ(r.header("x-amz-target"), "AWSCognitoIdentityProviderService.AdminCreateUser");
  EXPECT_EQ(r.header("content-type"), "application/x-amz-json-1.1");
  EXPECT_NE(r.header("authorization").find("/us-east-1/cognito-idp/aws4_request"), std::string::npos);
  const json body = json::parse(r.body);
  EXPECT_EQ(body["UserPoolId"], "us-east-1_Pool");
  EXPECT_EQ(body["Username"], "ada");
  EXPECT_EQ(body["MessageAction"], "SUPPRESS");
  EXPECT_FALSE(body.contains("TemporaryPassword"));  // Cognito makes one up, and tells nobody
  EXPECT_EQ(body["UserAttributes"], json::parse(R"([{"Name":"email","Value":"ada@example.org"},
                                                    {"Name":"custom:affiliation","Value":"NASA GSFC"}])"));
}

TEST(CognitoIdp, AdminSetUserPasswordDisableDeleteAndGetSendTheirFields) {
  FakeHttpServer server([](const RecordedRequest& r) {
    if (r.header("x-amz-target").ends_with(".AdminGetUser")) {
      return ok({{"Username", "ada"},
                 {"UserStatus", "CONFIRMED"},
                 {"Enabled", false},
                 {"UserAttributes", {{{"Name", "custom:affiliation"}, {"Value", "NASA"}}}}});
    }
    return ok(json::object());
  });
  const aws::CognitoIdpClient cognito(cognito_config(server));
  cognito.admin_set_user_password("us-east-1_Pool", "ada", "S3cret!pass", true);
  cognito.admin_disable_user("us-east-1_Pool", "ada");
  cognito.admin_delete_user("us-east-1_Pool", "ada");
  const auto user = cognito.admin_get_user("us-east-1_Pool", "ada");
  EXPECT_FALSE(user.enabled);
  EXPECT_EQ(user.status, "CONFIRMED");
  EXPECT_EQ(user.attribute("custom:affiliation"), "NASA");

  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 4U);
  EXPECT_EQ(requests[0].header("x-amz-target"), "AWSCognitoIdentityProviderService.AdminSetUserPassword");
  EXPECT_EQ(json::parse(requests[0].body), (json{{"UserPoolId", "us-east-1_Pool"},
                                                 {"Username", "ada"},
                                                 {"Password", "S3cret!pass"},
                                                 {"Permanent", true}}));
  EXPECT_EQ(requests[1].header("x-amz-target"), "AWSCognitoIdentityProviderService.AdminDisableUser");
  EXPECT_EQ(requests[2].header("x-amz-target"), "AWSCognitoIdentityProviderService.AdminDeleteUser");
  for (std::size_t i = 1; i < 4; ++i)
    EXPECT_EQ(json::parse(requests[i].body), (json{{"UserPoolId", "us-east-1_Pool"}, {"Username", "ada"}}));
}

TEST(CognitoIdp, ListUsersSendsTheFilterAndFollowsEveryPage) {
  FakeHttpServer server([](const RecordedRequest& r) {
    const auto body = json::parse(r.body);
    if (!body.contains("PaginationToken"))
      return ok({{"Users",
                  {{{"Username", "ada"},
                    {"Enabled", false},
                    {"UserStatus", "CONFIRMED"},
                    {"Attributes", {{{"Name", "email"}, {"Value", "ada@example.org"}}}}}}},
                 {"PaginationToken", "page-2"}});
    return ok({{"Users", {{{"Username", "bob"}, {"Enabled", false}, {"UserStatus", "CONFIRMED"}}}}});
  });
  const aws::CognitoIdpClient cognito(cognito_config(server));
  const auto users = cognito.list_users("us-east-1_Pool", "status = \"Disabled\"");
  ASSERT_EQ(users.size(), 2U);
  EXPECT_EQ(users[0].username, "ada");
  EXPECT_FALSE(users[0].enabled);
  EXPECT_EQ(users[0].attribute("email"), "ada@example.org");
  EXPECT_EQ(users[1].username, "bob");
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2U);
  EXPECT_EQ(requests[0].header("x-amz-target"), "AWSCognitoIdentityProviderService.ListUsers");
  EXPECT_EQ(json::parse(requests[0].body),
            (json{{"UserPoolId", "us-east-1_Pool"}, {"Filter", "status = \"Disabled\""}}));
  EXPECT_EQ(json::parse(requests[1].body), (json{{"UserPoolId", "us-east-1_Pool"},
                                                 {"Filter", "status = \"Disabled\""},
                                                 {"PaginationToken", "page-2"}}));
}

TEST(CognitoIdp, AdminEnableUserSendsThePoolAndName) {
  FakeHttpServer server([](const RecordedRequest&) { return ok(json::object()); });
  aws::CognitoIdpClient(cognito_config(server)).admin_enable_user("us-east-1_Pool", "ada");
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1U);
  EXPECT_EQ(requests[0].header("x-amz-target"), "AWSCognitoIdentityProviderService.AdminEnableUser");
  EXPECT_EQ(json::parse(requests[0].body), (json{{"UserPoolId", "us-east-1_Pool"}, {"Username", "ada"}}));
}

TEST(CognitoIdp, DescribeUserPoolReadsThePasswordPolicyWithCognitoDefaultsForMissingKeys) {
  FakeHttpServer server([](const RecordedRequest&) {
    return ok({{"UserPool",
                {{"Id", "us-east-1_Pool"},
                 {"Name", "heliocloud"},
                 {"Arn", "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Pool"},
                 {"Policies",
                  {{"PasswordPolicy",
                    {{"MinimumLength", 12}, {"RequireSymbols", false}, {"RequireNumbers", true}}}}}}}});
  });
  const aws::CognitoIdpClient cognito(cognito_config(server));
  const auto pool = cognito.describe_user_pool("us-east-1_Pool");
  EXPECT_EQ(pool.id, "us-east-1_Pool");
  EXPECT_EQ(pool.name, "heliocloud");
  EXPECT_EQ(pool.password_policy, (aws::PasswordPolicy{.minimum_length = 12,
                                                       .require_uppercase = true,
                                                       .require_lowercase = true,
                                                       .require_numbers = true,
                                                       .require_symbols = false,
                                                       .temporary_password_validity_days = 7}));
  EXPECT_EQ(json::parse(server.requests()[0].body), (json{{"UserPoolId", "us-east-1_Pool"}}));
}

TEST(CognitoIdp, CognitoErrorsArriveAsTheirClasses) {
  const auto create = [](const aws::CognitoIdpClient& c) {
    c.admin_create_user({.user_pool_id = "us-east-1_P", .username = "ada", .attributes = {}});
  };
  const auto set_password = [](const aws::CognitoIdpClient& c) {
    c.admin_set_user_password("us-east-1_P", "ada", "weak", true);
  };
  std::string type;
  FakeHttpServer server(
      [&type](const RecordedRequest&) { return cognito_error(400, type, "message of " + type); });
  const aws::CognitoIdpClient cognito(cognito_config(server));

  type = "UsernameExistsException";
  try {
    create(cognito);
    FAIL() << "expected AlreadyExistsError";
  } catch (const aws::AlreadyExistsError& e) {
    EXPECT_EQ(e.code(), "UsernameExistsException");
    EXPECT_EQ(e.aws_message(), "message of UsernameExistsException");
    EXPECT_EQ(e.operation(), "AdminCreateUser");
    EXPECT_EQ(e.service(), "CognitoIdentityProvider");
  }
  type = "InvalidPasswordException";
  EXPECT_THROW(set_password(cognito), aws::ValidationError);
  type = "InvalidParameterException";
  EXPECT_THROW(create(cognito), aws::ValidationError);
  type = "UserNotFoundException";
  EXPECT_THROW(cognito.admin_get_user("us-east-1_P", "nobody"), aws::NotFoundError);
  type = "ResourceNotFoundException";
  EXPECT_THROW(cognito.describe_user_pool("us-east-1_Nope"), aws::NotFoundError);
  type = "NotAuthorizedException";
  EXPECT_THROW(cognito.initiate_password_auth("client", "ada", "pw"), aws::AccessDeniedError);
  // None of these is worth a retry: one request each.
  EXPECT_EQ(server.count(), 6U);
}

TEST(CognitoIdp, ThrottlingIsRetriedButAFailedCreateIsNotRepeated) {
  FakeHttpServer throttled(
      [](const RecordedRequest&) { return cognito_error(400, "TooManyRequestsException", "Rate exceeded"); });
  const aws::CognitoIdpClient slow(cognito_config(throttled));
  EXPECT_THROW(slow.admin_disable_user("us-east-1_P", "ada"), aws::ThrottledError);
  EXPECT_EQ(throttled.count(), 3U);

  // A 500 after AdminCreateUser may have created the user: a second attempt would only report it as taken.
  FakeHttpServer failing(
      [](const RecordedRequest&) { return cognito_error(500, "InternalErrorException", "internal error"); });
  const aws::CognitoIdpClient cognito(cognito_config(failing));
  EXPECT_THROW(cognito.admin_create_user({"us-east-1_P", "ada", {}}), aws::ServiceUnavailableError);
  EXPECT_EQ(failing.count(), 1U);
}

TEST(CognitoIdp, InitiatePasswordAuthReturnsTokensOrTheChallenge) {
  FakeHttpServer server([](const RecordedRequest& r) {
    const json body = json::parse(r.body);
    if (body["AuthParameters"]["USERNAME"] == "new")
      return ok({{"ChallengeName", "NEW_PASSWORD_REQUIRED"}, {"Session", "s"}});
    return ok({{"AuthenticationResult", {{"AccessToken", "a"}, {"IdToken", "i"}, {"RefreshToken", "r"}}}});
  });
  const aws::CognitoIdpClient cognito(cognito_config(server));
  const auto signed_in = cognito.initiate_password_auth("client-1", "ada", "pw");
  EXPECT_EQ(signed_in.challenge_name, "");
  EXPECT_EQ(signed_in.access_token, "a");
  EXPECT_EQ(signed_in.id_token, "i");
  EXPECT_EQ(signed_in.refresh_token, "r");
  EXPECT_EQ(cognito.initiate_password_auth("client-1", "new", "pw").challenge_name, "NEW_PASSWORD_REQUIRED");
  const json first = json::parse(server.requests()[0].body);
  EXPECT_EQ(first, (json{{"ClientId", "client-1"},
                         {"AuthFlow", "USER_PASSWORD_AUTH"},
                         {"AuthParameters", {{"USERNAME", "ada"}, {"PASSWORD", "pw"}}}}));
}

TEST(UserPoolRegion, APoolIdNamesItsRegion) {
  EXPECT_EQ(heliocloud::aws::user_pool_region("us-gov-west-1_AbC123"), "us-gov-west-1");
  EXPECT_EQ(heliocloud::aws::user_pool_region("eu-central-1_x"), "eu-central-1");
  EXPECT_EQ(heliocloud::aws::user_pool_region("pool"), "");
  EXPECT_EQ(heliocloud::aws::user_pool_region("_abc"), "");
  EXPECT_EQ(heliocloud::aws::user_pool_region("us-east-1_"), "");
}
