// One binary, two front doors: web_example_server as a local server (started, queried, stopped by SIGTERM)
// and as a Lambda function (started the way Lambda starts it, against the fake Runtime API).
#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "fake_runtime_api.h"
#include "server_process.h"

using nlohmann::json;

TEST(ExampleBinary, LocalServerServesAndStopsGracefullyOnSigterm) {
  ::unsetenv("AWS_LAMBDA_RUNTIME_API");
  heliocloud::testing::ServerProcess server({HELIOCLOUD_WEB_EXAMPLE_SERVER, "--listen", "127.0.0.1:0"});
  httplib::Client client("127.0.0.1", server.port());
  const auto page = client.Get("/?code=SECRETCODE");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  // Local development over http: the session cookie is not Secure, or the browser would drop it.
  EXPECT_EQ(page->get_header_value("Set-Cookie").find("Secure"), std::string::npos);

  EXPECT_EQ(server.stop(), 0);
  const auto text = server.log();
  EXPECT_NE(text.find("access method=GET path=/ status=200"), std::string::npos) << text;
  EXPECT_NE(text.find("stopping"), std::string::npos) << text;
  EXPECT_EQ(text.find("SECRETCODE"), std::string::npos) << text;
}

TEST(ExampleBinary, OnLambdaTheSameBinaryServesAlbEvents) {
  const json event = {{"httpMethod", "GET"},
                      {"path", "/static/app.css"},
                      {"multiValueHeaders", {{"accept", {"text/css"}}}},
                      {"multiValueQueryStringParameters", json::object()},
                      {"body", ""},
                      {"isBase64Encoded", false}};
  heliocloud::testing::FakeRuntimeApi api(
      {heliocloud::testing::ScriptedInvocation{.request_id = "req-w", .payload = event.dump()}});
  // The fake API drops connections after its script, so the function gives up and exits.
  const int rc = std::system(("env -i AWS_LAMBDA_RUNTIME_API=" + api.authority() + " " +
                              std::string(HELIOCLOUD_WEB_EXAMPLE_SERVER) + " 2>/dev/null")
                                 .c_str());
  EXPECT_NE(rc, 0);
  const auto posts = api.posts();
  ASSERT_EQ(posts.size(), 1U);
  EXPECT_EQ(posts[0].target, "/2018-06-01/runtime/invocation/req-w/response");
  const json out = json::parse(posts[0].body);
  EXPECT_EQ(out["statusCode"], 200);
  EXPECT_EQ(out["multiValueHeaders"]["Content-Type"], json::array({"text/css; charset=utf-8"}));
  EXPECT_EQ(out["body"], "body { font-family: sans-serif; }\n");
}
