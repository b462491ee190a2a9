// heliocloud-registration as a process, started as a developer starts it (a local server on moto) and as
// Lambda starts it (its package's bootstrap, the function's environment, the session key from Secrets
// Manager, ALB events from the fake Runtime API), plus the ways a start fails: with a clear message, and on
// Lambda an init error.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "aws/secrets_manager.h"
#include "fake_runtime_api.h"
#include "registration_moto_support.h"
#include "server_process.h"

namespace fs = std::filesystem;
using heliocloud::registration::testing::TestPool;
using heliocloud::testing::read_text_file;
using nlohmann::json;

namespace {

const std::string kBinary = HELIOCLOUD_REGISTRATION_BINARY;
// build/lambda/registration/bootstrap: what Lambda runs (the binary with its bundled libraries and loader).
const std::string kLambdaBootstrap = std::string(HELIOCLOUD_REGISTRATION_PACKAGE) + "/bootstrap";

fs::path temp_file(const std::string& name) {
  return fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
}

// Runs the package on Lambda's terms: only the variables given (and the moto credentials), stderr to `log`.
int run_as_lambda(const std::string& runtime_api, const std::string& variables, const fs::path& log) {
  const char* endpoint = std::getenv("AWS_ENDPOINT_URL");
  const std::string command = "env -i AWS_LAMBDA_RUNTIME_API=" + runtime_api +
                              " AWS_ENDPOINT_URL=" + ((endpoint != nullptr) ? endpoint : "") +
                              " AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1"
                              " AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null"
                              " AWS_SHARED_CREDENTIALS_FILE=/dev/null " +
                              variables + " " + kLambdaBootstrap + " 2>" + log.string();
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

json alb_get(const std::string& path) {
  return {{"httpMethod", "GET"},
          {"path", path},
          {"headers", {{"accept", "text/html"}}},
          {"body", ""},
          {"isBase64Encoded", false}};
}

}  // namespace

TEST(RegistrationBinary, LocalServerOnMotoServesThePoolsPolicyAndStopsOnSigterm) {
  TestPool pool;
  heliocloud::testing::ServerProcess server({kBinary, "--listen", "127.0.0.1:0", "--user-pool-id",
                                             pool.pool.id, "--endpoint-url",
                                             std::getenv("AWS_ENDPOINT_URL")});
  httplib::Client client("127.0.0.1", server.port());
  const auto health = client.Get("/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  const auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("At least 8 characters"), std::string::npos);
  // http://127.0.0.1: the session cookie is not Secure, or the browser would drop it.
  EXPECT_EQ(page->get_header_value("Set-Cookie").find("Secure"), std::string::npos);

  EXPECT_EQ(server.stop(), 0);
  EXPECT_NE(server.log().find("access method=GET path=/health status=200"), std::string::npos);
}

TEST(RegistrationBinary, LocalUsageErrorsNameTheOption) {
  const fs::path log = temp_file("hc-registration-usage.log");
  const int no_pool = std::system((kBinary + " --listen 127.0.0.1:0 2>" + log.string()).c_str());
  EXPECT_EQ(WEXITSTATUS(no_pool), 2);
  EXPECT_NE(read_text_file(log).find("error: --user-pool-id is required"), std::string::npos)
      << read_text_file(log);
  EXPECT_NE(read_text_file(log).find("usage: heliocloud-registration"), std::string::npos);
  const int unknown =
      std::system((kBinary + " --user-pool-id us-east-1_A --colour 2>" + log.string()).c_str());
  EXPECT_EQ(WEXITSTATUS(unknown), 2);
  EXPECT_NE(read_text_file(log).find("error: unknown option '--colour'"), std::string::npos)
      << read_text_file(log);
  const int key = std::system(
      (kBinary + " --user-pool-id us-east-1_A --session-key-file /nonexistent/key 2>" + log.string())
          .c_str());
  EXPECT_EQ(WEXITSTATUS(key), 1);
  EXPECT_NE(read_text_file(log).find("cannot read the session key file /nonexistent/key"), std::string::npos);
  fs::remove(log);
}

TEST(RegistrationBinary, OnLambdaItReadsTheSessionKeySecretAndServesAlbEvents) {
  TestPool pool;
  const heliocloud::aws::SecretsManagerClient secrets(heliocloud::aws::testing::moto_config());
  const std::string arn =
      secrets.create_secret(heliocloud::aws::testing::unique_name("hc-session-key"), std::string(48, 'k'));
  heliocloud::testing::FakeRuntimeApi api(
      {{.request_id = "req-page", .payload = alb_get("/").dump()},
       {.request_id = "req-health", .payload = alb_get("/health").dump()}});
  const fs::path log = temp_file("hc-registration-lambda.log");
  // The fake API drops connections after its script, so the function gives up and exits.
  EXPECT_NE(
      run_as_lambda(api.authority(), "USER_POOL_ID=" + pool.pool.id + " SESSION_KEY_SECRET_ARN=" + arn, log),
      0);
  const auto posts = api.posts();
  ASSERT_EQ(posts.size(), 2U) << read_text_file(log);
  EXPECT_EQ(posts[0].target, "/2018-06-01/runtime/invocation/req-page/response");
  const json page = json::parse(posts[0].body);
  EXPECT_EQ(page["statusCode"], 200);
  EXPECT_NE(page["body"].get<std::string>().find("HelioCloud User Registration"), std::string::npos);
  // Behind the load balancer (HTTPS) the session cookie is Secure.
  EXPECT_NE(page.dump().find("Secure"), std::string::npos);
  EXPECT_EQ(json::parse(posts[1].body)["statusCode"], 200);
  // The key is in no log line.
  EXPECT_EQ(read_text_file(log).find(std::string(48, 'k')), std::string::npos);
  secrets.delete_secret_now(arn);
  fs::remove(log);
}

TEST(RegistrationBinary, OnLambdaAMissingSettingOrSecretIsAnInitError) {
  const fs::path log = temp_file("hc-registration-init.log");
  {
    heliocloud::testing::FakeRuntimeApi api({});
    EXPECT_EQ(run_as_lambda(api.authority(), "USER_POOL_ID=us-east-1_Abc", log), 1);
    const auto posts = api.posts();
    ASSERT_EQ(posts.size(), 1U);
    EXPECT_EQ(posts[0].target, "/2018-06-01/runtime/init/error");
    EXPECT_NE(posts[0].body.find("the function's environment lacks SESSION_KEY_SECRET_ARN"),
              std::string::npos)
        << posts[0].body;
  }
  {
    TestPool pool;
    heliocloud::testing::FakeRuntimeApi api({});
    EXPECT_EQ(
        run_as_lambda(
            api.authority(),
            "USER_POOL_ID=" + pool.pool.id +
                " SESSION_KEY_SECRET_ARN=arn:aws:secretsmanager:us-east-1:123456789012:secret:none-AbCdEf",
            log),
        1);
    const auto posts = api.posts();
    ASSERT_EQ(posts.size(), 1U);
    EXPECT_EQ(posts[0].target, "/2018-06-01/runtime/init/error");
    EXPECT_NE(posts[0].body.find("cannot read the session key from Secrets Manager"), std::string::npos)
        << posts[0].body;
    EXPECT_NE(posts[0].body.find("ResourceNotFoundException"), std::string::npos) << posts[0].body;
  }
  fs::remove(log);
}
