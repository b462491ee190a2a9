// Cognito user pools and Secrets Manager against moto: the calls the Registration page makes, end to end.
#include <gtest/gtest.h>

#include "aws/cognito_idp.h"
#include "aws/errors.h"
#include "aws/protocols.h"
#include "aws/secrets_manager.h"
#include "moto_support.h"

namespace aws = heliocloud::aws;
using aws::testing::moto_config;
using aws::testing::unique_name;

namespace {

aws::UserPool make_pool(const aws::CognitoIdpClient& cognito, aws::PasswordPolicy policy = {}) {
  return cognito.create_user_pool({.name = unique_name("hc-pool"),
                                   .password_policy = policy,
                                   .custom_attributes = {{.name = "affiliation", .max_length = 50}}});
}

}  // namespace

TEST(CognitoMoto, PoolKeepsItsPasswordPolicy) {
  const aws::CognitoIdpClient cognito(moto_config());
  const aws::PasswordPolicy policy{.minimum_length = 14,
                                   .require_uppercase = false,
                                   .require_lowercase = true,
                                   .require_numbers = true,
                                   .require_symbols = false,
                                   .temporary_password_validity_days = 3};
  const auto pool = make_pool(cognito, policy);
  EXPECT_TRUE(pool.id.starts_with("us-east-1_")) << pool.id;
  const auto described = cognito.describe_user_pool(pool.id);
  EXPECT_EQ(described.id, pool.id);
  EXPECT_EQ(described.password_policy, policy);
  EXPECT_THROW(cognito.describe_user_pool("us-east-1_doesnotexist"), aws::NotFoundError);
}

TEST(CognitoMoto, CreateSetPasswordDisableThenSignInIsRefused) {
  const aws::CognitoIdpClient cognito(moto_config());
  const auto pool = make_pool(cognito);
  const std::string client = cognito.create_user_pool_client(pool.id, "test-client");
  ASSERT_FALSE(client.empty());

  const auto created =
      cognito.admin_create_user({.user_pool_id = pool.id,
                                 .username = "ada",
                                 .attributes = {{.name = "email", .value = "ada@example.org"},
                                                {.name = "email_verified", .value = "false"},
                                                {.name = "custom:affiliation", .value = "GSFC"}}});
  EXPECT_EQ(created.username, "ada");
  EXPECT_EQ(created.status, "FORCE_CHANGE_PASSWORD");
  try {
    cognito.admin_create_user({.user_pool_id = pool.id, .username = "ada"});
    FAIL() << "expected AlreadyExistsError";
  } catch (const aws::AlreadyExistsError& e) {
    EXPECT_EQ(e.code(), "UsernameExistsException");
  }
  try {
    cognito.admin_set_user_password(pool.id, "ada", "weak", true);
    FAIL() << "expected ValidationError";
  } catch (const aws::ValidationError& e) {
    EXPECT_EQ(e.code(), "InvalidPasswordException");
  }
  cognito.admin_set_user_password(pool.id, "ada", "Correct-Horse-7", true);
  EXPECT_FALSE(cognito.initiate_password_auth(client, "ada", "Correct-Horse-7").access_token.empty());

  cognito.admin_disable_user(pool.id, "ada");
  const auto user = cognito.admin_get_user(pool.id, "ada");
  EXPECT_FALSE(user.enabled);
  EXPECT_EQ(user.status, "CONFIRMED");
  EXPECT_EQ(user.attribute("email"), "ada@example.org");
  EXPECT_EQ(user.attribute("custom:affiliation"), "GSFC");
  try {
    (void)cognito.initiate_password_auth(client, "ada", "Correct-Horse-7");
    FAIL() << "a disabled user signed in";
  } catch (const aws::AccessDeniedError& e) {
    EXPECT_EQ(e.code(), "NotAuthorizedException");
    EXPECT_NE(e.aws_message().find("User is disabled"), std::string::npos) << e.aws_message();
  }

  cognito.admin_delete_user(pool.id, "ada");
  try {
    (void)cognito.admin_get_user(pool.id, "ada");
    FAIL() << "expected NotFoundError";
  } catch (const aws::NotFoundError& e) {
    EXPECT_EQ(e.code(), "UserNotFoundException");
  }
  cognito.delete_user_pool(pool.id);
}

TEST(CognitoMoto, ListDisabledUsersThenEnableOne) {
  const aws::CognitoIdpClient cognito(moto_config());
  const auto pool = make_pool(cognito);
  for (const std::string name : {"ada", "bob", "cy"})
    (void)cognito.admin_create_user({.user_pool_id = pool.id, .username = name});
  cognito.admin_disable_user(pool.id, "bob");
  cognito.admin_disable_user(pool.id, "cy");
  EXPECT_EQ(cognito.list_users(pool.id).size(), 3U);
  auto disabled = cognito.list_users(pool.id, "status = \"Disabled\"");
  ASSERT_EQ(disabled.size(), 2U);
  EXPECT_FALSE(disabled[0].enabled);
  cognito.admin_enable_user(pool.id, "bob");
  EXPECT_TRUE(cognito.admin_get_user(pool.id, "bob").enabled);
  disabled = cognito.list_users(pool.id, "status = \"Disabled\"");
  ASSERT_EQ(disabled.size(), 1U);
  EXPECT_EQ(disabled[0].username, "cy");
  cognito.delete_user_pool(pool.id);
}

// A web app's client secret comes from DescribeUserPoolClient at cold start (the User Portal).
TEST(CognitoMoto, DescribeUserPoolClientGivesTheSecret) {
  const aws::CognitoIdpClient cognito(moto_config());
  const auto pool = make_pool(cognito);
  const auto made = aws::json_rpc_call(
                        cognito.service(), "AWSCognitoIdentityProviderService", "1.1", "CreateUserPoolClient",
                        {{"UserPoolId", pool.id}, {"ClientName", "portal"}, {"GenerateSecret", true}}, false)
                        .at("UserPoolClient");
  const auto client = cognito.describe_user_pool_client(pool.id, made.at("ClientId").get<std::string>());
  EXPECT_EQ(client.client_id, made.at("ClientId").get<std::string>());
  EXPECT_EQ(client.client_name, "portal");
  EXPECT_FALSE(client.client_secret.empty());
  EXPECT_EQ(client.client_secret, made.at("ClientSecret").get<std::string>());
  EXPECT_THROW((void)cognito.describe_user_pool_client(pool.id, "no-such-client"), aws::NotFoundError);
  cognito.delete_user_pool(pool.id);
}

TEST(SecretsManagerMoto, CreateThenGetTheValue) {
  const aws::SecretsManagerClient secrets(moto_config());
  const std::string name = unique_name("hc-session-key");
  const std::string arn = secrets.create_secret(name, "0123456789abcdef0123456789abcdef!");
  EXPECT_NE(arn.find(":secret:" + name), std::string::npos) << arn;
  const auto by_arn = secrets.get_secret_value(arn);
  EXPECT_EQ(by_arn.secret_string, "0123456789abcdef0123456789abcdef!");
  EXPECT_EQ(by_arn.name, name);
  EXPECT_EQ(secrets.get_secret_value(name).arn, arn);
  EXPECT_THROW(secrets.create_secret(name, "again"), aws::AlreadyExistsError);
  secrets.delete_secret_now(arn);
  EXPECT_THROW((void)secrets.get_secret_value(arn), aws::NotFoundError);
}
