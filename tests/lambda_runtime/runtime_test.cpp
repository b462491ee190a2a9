// The runtime loop against a fake Runtime API of our own: what it fetches, what it posts, when it stops.
#include "lambda_runtime/runtime.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "fake_runtime_api.h"

namespace lr = heliocloud::lambda_runtime;
using heliocloud::testing::FakeRuntimeApi;
using heliocloud::testing::ScriptedInvocation;
using nlohmann::json;

namespace {

// Echoes the event with what the runtime told it; throws or fails on request.
lr::HandlerResult test_handler(const lr::Invocation& inv) {
  const json event = json::parse(inv.payload);
  if (event.value("throw", false)) throw std::invalid_argument("the event asked to throw");
  if (event.value("fail", false))
    return lr::HandlerResult::failure("Custom.BadEvent", "the event asked to fail");
  const char* trace = std::getenv("_X_AMZN_TRACE_ID");
  return lr::HandlerResult::success(json{
      {"echo", event},
      {"request_id", inv.request_id},
      {"arn", inv.function_arn},
      {"trace_env", trace == nullptr ? "" : trace},
      {"remaining_positive",
       inv.remaining().count() > 0}}.dump());
}

}  // namespace

TEST(LambdaRuntime, ServesEachInvocationAndSurvivesAThrowingHandler) {
  FakeRuntimeApi api({{.request_id = "req-1", .payload = R"({"n": 1})"},
                      {.request_id = "req-2", .payload = R"({"throw": true})"},
                      {.request_id = "req-3", .payload = R"({"fail": true})"},
                      {.request_id = "req-4", .payload = R"({"n": 4})"}});
  lr::RunOptions options;
  options.endpoint = api.authority();
  options.max_invocations = 4;
  EXPECT_EQ(lr::run_handler(test_handler, options), 0);

  const auto posts = api.posts();
  ASSERT_EQ(posts.size(), 4U);
  EXPECT_EQ(posts[0].target, "/2018-06-01/runtime/invocation/req-1/response");
  const json ok = json::parse(posts[0].body);
  EXPECT_EQ(ok["echo"], json({{"n", 1}}));
  EXPECT_EQ(ok["request_id"], "req-1");
  EXPECT_EQ(ok["arn"], FakeRuntimeApi::kFunctionArn);
  EXPECT_EQ(ok["trace_env"], ScriptedInvocation{}.trace_id);
  EXPECT_EQ(ok["remaining_positive"], true);
  EXPECT_FALSE(posts[0].has_header("lambda-runtime-function-error-type"));

  // The exception became an error response carrying its type and message...
  EXPECT_EQ(posts[1].target, "/2018-06-01/runtime/invocation/req-2/error");
  EXPECT_EQ(posts[1].header("lambda-runtime-function-error-type"), "std::invalid_argument");
  const json thrown = json::parse(posts[1].body);
  EXPECT_EQ(thrown["errorType"], "std::invalid_argument");
  EXPECT_EQ(thrown["errorMessage"], "the event asked to throw");

  // ...a returned failure likewise...
  EXPECT_EQ(posts[2].target, "/2018-06-01/runtime/invocation/req-3/error");
  EXPECT_EQ(posts[2].header("lambda-runtime-function-error-type"), "Custom.BadEvent");
  EXPECT_EQ(json::parse(posts[2].body)["errorMessage"], "the event asked to fail");

  // ...and the loop went on serving.
  EXPECT_EQ(posts[3].target, "/2018-06-01/runtime/invocation/req-4/response");
  EXPECT_EQ(json::parse(posts[3].body)["echo"], json({{"n", 4}}));
}

TEST(LambdaRuntime, ReadsTheEndpointFromTheEnvironmentAndStopsWhenTheApiGoesAway) {
  FakeRuntimeApi api(std::deque<ScriptedInvocation>{{.request_id = "only", .payload = R"({"n": 7})"}});
  ::setenv("AWS_LAMBDA_RUNTIME_API", api.authority().c_str(), 1);
  lr::RunOptions options;
  options.max_next_failures = 2;
  const int rc = lr::run_handler(test_handler, options);
  ::unsetenv("AWS_LAMBDA_RUNTIME_API");
  EXPECT_NE(rc, 0);  // the API vanished: nothing more to serve
  const auto posts = api.posts();
  ASSERT_EQ(posts.size(), 1U);
  EXPECT_EQ(posts[0].target, "/2018-06-01/runtime/invocation/only/response");
  EXPECT_EQ(api.requests().size(), 4U);  // next, response, then two dropped nexts: max_next_failures
}

TEST(LambdaRuntime, WithoutRuntimeApiItReturnsAtOnceWithoutCallingTheHandler) {
  ::unsetenv("AWS_LAMBDA_RUNTIME_API");
  bool called = false;
  EXPECT_EQ(lr::run_handler([&](const lr::Invocation&) {
              called = true;
              return lr::HandlerResult::success("{}");
            }),
            2);
  EXPECT_FALSE(called);
}

TEST(LambdaRuntime, RefusedResponseIsReportedAsAnError) {
  FakeRuntimeApi api(std::deque<ScriptedInvocation>{{.request_id = "big", .payload = R"({"n": 1})"}}, 413);
  lr::RunOptions options;
  options.endpoint = api.authority();
  options.max_invocations = 1;
  EXPECT_EQ(lr::run_handler(test_handler, options), 0);
  const auto posts = api.posts();
  ASSERT_EQ(posts.size(), 2U);
  EXPECT_EQ(posts[0].target, "/2018-06-01/runtime/invocation/big/response");
  EXPECT_EQ(posts[1].target, "/2018-06-01/runtime/invocation/big/error");
  EXPECT_EQ(posts[1].header("lambda-runtime-function-error-type"), "Runtime.ResponseRefused");
  EXPECT_NE(json::parse(posts[1].body)["errorMessage"].get<std::string>().find("413"), std::string::npos);
}

TEST(LambdaRuntime, InitErrorGoesToTheInitEndpoint) {
  FakeRuntimeApi api(std::deque<ScriptedInvocation>{});
  EXPECT_TRUE(lr::report_init_error("Runtime.ConfigError", "BUCKET is not set", api.authority()));
  const auto posts = api.posts();
  ASSERT_EQ(posts.size(), 1U);
  EXPECT_EQ(posts[0].target, "/2018-06-01/runtime/init/error");
  EXPECT_EQ(posts[0].header("lambda-runtime-function-error-type"), "Runtime.ConfigError");
  EXPECT_EQ(posts[0].header("content-type"), "application/json");
  const json body = json::parse(posts[0].body);
  EXPECT_EQ(body["errorType"], "Runtime.ConfigError");
  EXPECT_EQ(body["errorMessage"], "BUCKET is not set");
}
