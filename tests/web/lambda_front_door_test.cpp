// The ALB front door on the real runtime loop, against the fake Runtime API.
#include "web/lambda_front_door.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "example_app.h"
#include "fake_runtime_api.h"

namespace web = heliocloud::web;
using heliocloud::testing::FakeRuntimeApi;
using heliocloud::web::testing::ExampleApp;
using nlohmann::json;

TEST(LambdaFrontDoor, ServesAlbEventsAndAnswersMalformedOnesWith400) {
  ExampleApp site;
  const json page = {{"httpMethod", "GET"},
                     {"path", "/instances/i-5"},
                     {"headers", {{"accept", "text/html"}}},
                     {"queryStringParameters", {{"secret", "x"}}},
                     {"body", ""},
                     {"isBase64Encoded", false}};
  FakeRuntimeApi api({{.request_id = "req-1", .payload = page.dump()},
                      {.request_id = "req-2", .payload = R"({"not": "alb"})"}});
  heliocloud::lambda_runtime::RunOptions options;
  options.endpoint = api.authority();
  options.max_invocations = 2;
  EXPECT_EQ(web::run_lambda(site.app(), options), 0);

  const auto posts = api.posts();
  ASSERT_EQ(posts.size(), 2U);
  // Both are function successes: a bad event is the client's 400, not a Lambda error (ALB would say 502).
  EXPECT_EQ(posts[0].target, "/2018-06-01/runtime/invocation/req-1/response");
  const json first = json::parse(posts[0].body);
  EXPECT_EQ(first["statusCode"], 200);
  EXPECT_NE(first["body"].get<std::string>().find("Instance i-5"), std::string::npos);
  EXPECT_EQ(first["headers"]["X-Request-Id"], "req-1");
  EXPECT_EQ(posts[1].target, "/2018-06-01/runtime/invocation/req-2/response");
  EXPECT_EQ(json::parse(posts[1].body)["statusCode"], 400);
  ASSERT_EQ(site.access_log().size(), 2U);
  EXPECT_EQ(site.access_log()[0].path, "/instances/i-5");
}

TEST(LambdaFrontDoor, RefusesAnAppWithInsecureCookies) {
  ExampleApp local({.secure_cookies = false});
  FakeRuntimeApi api({});
  heliocloud::lambda_runtime::RunOptions options;
  options.endpoint = api.authority();
  options.max_invocations = 1;
  testing::internal::CaptureStderr();
  EXPECT_EQ(web::run_lambda(local.app(), options), 1);
  (void)testing::internal::GetCapturedStderr();
  const auto posts = api.posts();
  ASSERT_EQ(posts.size(), 1U);
  EXPECT_EQ(posts[0].target, "/2018-06-01/runtime/init/error");
}
