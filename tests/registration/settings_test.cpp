#include "registration/settings.h"

#include <gtest/gtest.h>

#include <map>
#include <vector>

namespace reg = heliocloud::registration;

namespace {

heliocloud::base::Result<reg::Settings> parse(std::vector<const char*> args) {
  return reg::settings_from_command_line(args);
}

}  // namespace

TEST(Settings, TheLocalCommandLine) {
  const auto s = parse({"--listen", "127.0.0.1:9000", "--user-pool-id", "us-west-2_AbC123",
                        "--region=us-west-2", "--endpoint-url", "http://127.0.0.1:5000", "--session-key-file",
                        "/tmp/key", "--allow-non-loopback"});
  ASSERT_TRUE(s.ok()) << s.error;
  EXPECT_EQ(s.value->user_pool_id, "us-west-2_AbC123");
  EXPECT_EQ(s.value->region, "us-west-2");
  EXPECT_EQ(s.value->endpoint_url, "http://127.0.0.1:5000");
  EXPECT_EQ(s.value->session_key_file, "/tmp/key");
  const std::vector<std::string> door(s.value->front_door_args.begin(), s.value->front_door_args.end());
  EXPECT_EQ(door, (std::vector<std::string>{"--listen", "127.0.0.1:9000", "--allow-non-loopback"}));
}

TEST(Settings, CommandLineErrorsNameTheOption) {
  EXPECT_EQ(parse({}).error, "--user-pool-id is required (the Cognito user pool to register users in)");
  EXPECT_EQ(parse({"--user-pool-id", "pool"}).error,
            "--user-pool-id needs the Cognito user pool id, REGION_ID (e.g. us-east-1_AbC123), not 'pool'");
  EXPECT_EQ(parse({"--user-pool-id"}).error,
            "--user-pool-id needs the Cognito user pool id, REGION_ID (e.g. us-east-1_AbC123)");
  EXPECT_EQ(
      parse({"--user-pool-id=us-east-1_A", "--endpoint-url", "127.0.0.1:5000"}).error,
      "--endpoint-url needs an http:// or https:// URL, e.g. --endpoint-url http://127.0.0.1:5000 for moto");
  EXPECT_EQ(parse({"--user-pool-id=us-east-1_A", "--region"}).error,
            "--region needs an AWS region, e.g. --region us-east-1");
  // An option of neither kind goes to the front door, which names it.
  const auto unknown = parse({"--user-pool-id=us-east-1_A", "--colour"});
  ASSERT_TRUE(unknown.ok());
  EXPECT_EQ(std::string(unknown.value->front_door_args.at(0)), "--colour");
}

TEST(Settings, TheFunctionsEnvironment) {
  std::map<std::string, std::string> env = {
      {"USER_POOL_ID", "eu-west-1_Pool42"},
      {"SESSION_KEY_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:key-AbCdEf"}};
  const auto getenv = [&env](const char* name) -> const char* {
    const auto found = env.find(name);
    return found == env.end() ? nullptr : found->second.c_str();
  };
  const auto s = reg::settings_from_environment(getenv);
  ASSERT_TRUE(s.ok()) << s.error;
  EXPECT_EQ(s.value->user_pool_id, "eu-west-1_Pool42");
  EXPECT_EQ(s.value->session_key_secret_arn, env["SESSION_KEY_SECRET_ARN"]);

  env.erase("SESSION_KEY_SECRET_ARN");
  env["USER_POOL_ID"] = "";
  EXPECT_EQ(
      reg::settings_from_environment(getenv).error,
      "the function's environment lacks USER_POOL_ID, SESSION_KEY_SECRET_ARN (set by the Registration Page "
      "stack)");
  env["USER_POOL_ID"] = "not a pool";
  env["SESSION_KEY_SECRET_ARN"] = "arn";
  EXPECT_EQ(reg::settings_from_environment(getenv).error,
            "USER_POOL_ID is 'not a pool', not a Cognito user pool id (REGION_ID, e.g. us-east-1_AbC123)");
}
