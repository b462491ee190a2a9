#include "portal/settings.h"

#include <gtest/gtest.h>

#include <map>

using namespace heliocloud::portal;

namespace {

std::map<std::string, std::string> full_environment() {
  return {{"USER_POOL_ID", "us-east-1_AbC123"},
          {"USER_POOL_CLIENT_ID", "client"},
          {"COGNITO_DOMAIN", "https://hc.auth.us-east-1.amazoncognito.com"},
          {"IDENTITY_POOL_ID", "us-east-1:0000"},
          {"SITE_URL", "https://portal.example.org"},
          {"SESSION_KEY_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:1:secret:k"},
          {"INSTANCE_SECURITY_GROUP_ID", "sg-1"},
          {"INSTANCE_PROFILE_ARN", "arn:aws:iam::1:instance-profile/p"},
          {"INSTANCE_SUBNET_IDS", "subnet-a, subnet-b"},
          {"DATASET_BUCKETS", ""}};
}

auto getter(const std::map<std::string, std::string>& env) {
  return [&env](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  };
}

}  // namespace

TEST(PortalSettings, FromTheFunctionsEnvironment) {
  const auto env = full_environment();
  const auto s = settings_from_environment(getter(env));
  ASSERT_TRUE(s.ok()) << s.error;
  EXPECT_EQ(s.value->user_pool_id, "us-east-1_AbC123");
  EXPECT_EQ(s.value->client_id, "client");
  EXPECT_EQ(s.value->identity_pool_id, "us-east-1:0000");
  EXPECT_EQ(s.value->launch_target.subnet_id, "subnet-a");
  EXPECT_EQ(s.value->launch_target.security_group_id, "sg-1");
  EXPECT_FALSE(s.value->client_secret);  // read with DescribeUserPoolClient, never from the environment
}

TEST(PortalSettings, AMissingVariableIsNamed) {
  auto env = full_environment();
  env.erase("IDENTITY_POOL_ID");
  env["SITE_URL"] = "";
  const auto s = settings_from_environment(getter(env));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error.find("IDENTITY_POOL_ID"), std::string::npos);
  EXPECT_NE(s.error.find("SITE_URL"), std::string::npos);
}

TEST(PortalSettings, CommandLine) {
  const char* args[] = {"--user-pool-id", "us-east-1_AbC123",  "--client-id=c",         "--identity-pool-id",
                        "us-east-1:1",    "--cognito-domain",  "http://127.0.0.1:9000", "--listen",
                        "127.0.0.1:8181", "--instance-types",  "t3.micro, t3.small",    "--image",
                        "Test=/test/ami", "--dataset-buckets", "helio-a,helio-b"};
  const auto s = settings_from_command_line(args);
  ASSERT_TRUE(s.ok()) << s.error;
  EXPECT_EQ(s.value->client_id, "c");
  EXPECT_EQ(s.value->site_url, "http://127.0.0.1:8181");
  EXPECT_EQ(s.value->instance_types, (std::vector<std::string>{"t3.micro", "t3.small"}));
  EXPECT_EQ(s.value->dataset_buckets, (std::vector<std::string>{"helio-a", "helio-b"}));
  ASSERT_EQ(s.value->images.size(), 1U);
  EXPECT_EQ(s.value->images[0].parameter, "/test/ami");
  ASSERT_EQ(s.value->front_door_args.size(), 2U);
  EXPECT_STREQ(s.value->front_door_args[1], "127.0.0.1:8181");
}

TEST(PortalSettings, CommandLineErrorsNameTheOption) {
  const char* missing[] = {"--user-pool-id", "us-east-1_AbC123"};
  const auto s = settings_from_command_line(missing);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error.find("--client-id"), std::string::npos);
  const char* bad_image[] = {"--image", "no-parameter"};
  EXPECT_NE(settings_from_command_line(bad_image).error.find("--image"), std::string::npos);
}

TEST(SplitList, TrimsAndDropsEmpties) {
  EXPECT_EQ(split_list(" a, b,,c "), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_TRUE(split_list("").empty());
}
