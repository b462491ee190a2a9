// The registration site on moto's Cognito through both front doors: the ALB → Lambda adapter on the real
// runtime loop (against the fake Runtime API), and the local HTTP server driven by an HTTP client.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "base/percent_encoding.h"
#include "fake_runtime_api.h"
#include "registration/registration_site.h"
#include "registration_moto_support.h"
#include "site_test_support.h"
#include "web/lambda_front_door.h"
#include "web/local_server.h"

namespace reg = heliocloud::registration;
namespace web = heliocloud::web;
using heliocloud::testing::FakeRuntimeApi;
using nlohmann::json;
using reg::testing::Session;
using reg::testing::TestPool;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The value of the hidden csrf_token field in a page.
std::string token_in(const std::string& page) {
  const std::string marker = "name=\"csrf_token\" value=\"";
  const auto start = page.find(marker);
  if (start == std::string::npos) return {};
  const auto from = start + marker.size();
  return page.substr(from, page.find('"', from) - from);
}

std::string registration_json(const std::string& username, const std::string& password = "Correct-Horse-7") {
  return json{{"username", username},
              {"email", username + "@example.org"},
              {"affiliation", "NASA GSFC"},
              {"password", password}}
      .dump();
}

class SiteMoto : public ::testing::Test {
 protected:
  TestPool pool_;
  reg::CognitoUserDirectory directory_{pool_.cognito, pool_.pool.id};
  std::vector<std::string> log_;
};

// An ALB event as the load balancer sends it to a Lambda target.
json alb_event(const std::string& method, const std::string& path, json headers,
               const std::string& body = "") {
  return {
      {"requestContext", {{"elb", {{"targetGroupArn", "arn:aws:elasticloadbalancing:us-east-1:1:tg/r/1"}}}}},
      {"httpMethod", method},
      {"path", path},
      {"queryStringParameters", json::object()},
      {"headers", std::move(headers)},
      {"body", body},
      {"isBase64Encoded", false}};
}

TEST_F(SiteMoto, ThroughTheAlbAdapter) {
  const reg::RegistrationSite site(directory_, pool_.pool.password_policy,
                                   {.csrf_key = reg::testing::kTestCsrfKey,
                                    .access_log = {},
                                    .log = [this](std::string_view line) { log_.emplace_back(line); }});
  const Session session;
  const json with_token = {{"cookie", session.cookie()},
                           {"content-type", "application/json"},
                           {"accept", "application/json"},
                           {"x-csrf-token", session.token()}};
  json without_token = with_token;
  without_token.erase("x-csrf-token");
  const std::string form_body = "csrf_token=" + heliocloud::base::percent_encode(session.token()) +
                                "&username=alb-form&email=alb-form%40example.org&affiliation=GSFC"
                                "&password=Correct-Horse-7&confirmPassword=Correct-Horse-7";
  FakeRuntimeApi api({
      {.request_id = "page", .payload = alb_event("GET", "/", {{"accept", "text/html"}}).dump()},
      {.request_id = "health", .payload = alb_event("GET", "/health", json::object()).dump()},
      {.request_id = "json",
       .payload = alb_event("POST", "/register", with_token, registration_json("alb-json")).dump()},
      {.request_id = "again",
       .payload = alb_event("POST", "/register", with_token, registration_json("alb-json")).dump()},
      {.request_id = "forged",
       .payload = alb_event("POST", "/register", without_token, registration_json("alb-forged")).dump()},
      {.request_id = "form",
       .payload =
           alb_event("POST", "/register",
                     {{"cookie", session.cookie()}, {"content-type", "application/x-www-form-urlencoded"}},
                     form_body)
               .dump()},
  });
  heliocloud::lambda_runtime::RunOptions options;
  options.endpoint = api.authority();
  options.max_invocations = 6;
  ASSERT_EQ(web::run_lambda(site.app(), options), 0);

  const auto posts = api.posts();
  ASSERT_EQ(posts.size(), 6U);
  std::vector<json> answers;
  answers.reserve(posts.size());
  for (const auto& post : posts) answers.push_back(json::parse(post.body));
  EXPECT_EQ(answers[0]["statusCode"], 200);
  EXPECT_TRUE(contains(answers[0]["body"], "HelioCloud User Registration"));
  EXPECT_EQ(answers[1]["statusCode"], 200);
  EXPECT_EQ(json::parse(answers[1]["body"].get<std::string>()), (json{{"status", "healthy"}}));
  EXPECT_EQ(answers[2]["statusCode"], 200);
  EXPECT_EQ(json::parse(answers[2]["body"].get<std::string>()),
            (json{{"message", "User registered successfully."}}));
  EXPECT_EQ(answers[3]["statusCode"], 409);
  EXPECT_EQ(json::parse(answers[3]["body"].get<std::string>())["field"], "username");
  EXPECT_EQ(answers[4]["statusCode"], 403);
  EXPECT_EQ(answers[5]["statusCode"], 200);
  EXPECT_TRUE(contains(answers[5]["body"], "Registration received"));
  EXPECT_TRUE(
      contains(answers[5]["body"], "subject=Signed%20HelioCloud%20user%20agreement%20from%20alb-form"));

  for (const char* name : {"alb-json", "alb-form"}) {
    const auto user = pool_.user(name);
    ASSERT_TRUE(user) << name;
    EXPECT_FALSE(user->enabled) << name;
  }
  EXPECT_FALSE(pool_.user("alb-forged"));
}

TEST_F(SiteMoto, ThroughTheLocalServer) {
  const reg::RegistrationSite site(directory_, pool_.pool.password_policy,
                                   {.csrf_key = reg::testing::kTestCsrfKey,
                                    .secure_cookies = false,
                                    .access_log = {},
                                    .log = [this](std::string_view line) { log_.emplace_back(line); }});
  web::LocalServer server(site.app(), {.listen = {.host = "127.0.0.1", .port = 0}});
  httplib::Client client("127.0.0.1", server.start());

  // A browser: the page, then its form with the page's token and cookie.
  const auto page = client.Get("/");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  const std::string cookie =
      page->get_header_value("Set-Cookie").substr(0, page->get_header_value("Set-Cookie").find(';'));
  const std::string token = token_in(page->body);
  ASSERT_FALSE(token.empty());
  const httplib::Headers browser = {{"Cookie", cookie}};
  const auto form = [&](const std::string& username, const std::string& email, const std::string& password) {
    return "csrf_token=" + heliocloud::base::percent_encode(token) + "&username=" + username +
           "&email=" + heliocloud::base::percent_encode(email) +
           "&affiliation=GSFC&password=" + heliocloud::base::percent_encode(password) +
           "&confirmPassword=" + heliocloud::base::percent_encode(password);
  };
  const auto registered =
      client.Post("/register", browser, form("local-form", "lf@example.org", "Correct-Horse-7"),
                  "application/x-www-form-urlencoded");
  ASSERT_TRUE(registered);
  EXPECT_EQ(registered->status, 200);
  EXPECT_TRUE(contains(registered->body, "User registered successfully."));

  const auto taken =
      client.Post("/register", browser, form("local-form", "other@example.org", "Correct-Horse-7"),
                  "application/x-www-form-urlencoded");
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->status, 409);
  EXPECT_TRUE(contains(taken->body, "The user name &quot;local-form&quot; is taken. Choose another one."));
  EXPECT_TRUE(contains(taken->body, "value=\"other@example.org\""));

  const auto bad_email = client.Post("/register", browser, form("local-2", "lf@example", "Correct-Horse-7"),
                                     "application/x-www-form-urlencoded");
  ASSERT_TRUE(bad_email);
  EXPECT_EQ(bad_email->status, 400);
  EXPECT_TRUE(contains(bad_email->body, "not a valid domain name"));
  EXPECT_FALSE(pool_.user("local-2"));

  // A script: JSON with the token in X-CSRF-Token.
  const httplib::Headers script = {
      {"Cookie", cookie}, {"X-CSRF-Token", token}, {"Accept", "application/json"}};
  const auto by_json = client.Post("/register", script, registration_json("local-json"), "application/json");
  ASSERT_TRUE(by_json);
  EXPECT_EQ(by_json->status, 200);
  EXPECT_EQ(json::parse(by_json->body), (json{{"message", "User registered successfully."}}));
  const httplib::Headers forged = {{"Cookie", cookie}, {"X-CSRF-Token", Session().token()}};
  const auto refused =
      client.Post("/register", forged, registration_json("local-forged"), "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  server.stop();

  EXPECT_FALSE(pool_.user("local-forged"));
  for (const char* name : {"local-form", "local-json"}) {
    const auto user = pool_.user(name);
    ASSERT_TRUE(user) << name;
    EXPECT_FALSE(user->enabled) << name;
  }
}

TEST_F(SiteMoto, AnUnreachableUserPoolIsA503PageThatSaysNothingOfAws) {
  // Nothing listens on port 9 (discard): every call fails to connect.
  auto config = heliocloud::aws::testing::moto_config();
  config.endpoint_url = "http://127.0.0.1:9";
  config.retry.max_attempts = 2;
  const heliocloud::aws::CognitoIdpClient unreachable(config);
  reg::CognitoUserDirectory directory(unreachable, pool_.pool.id);
  const reg::RegistrationSite site(directory, {},
                                   {.csrf_key = reg::testing::kTestCsrfKey,
                                    .access_log = {},
                                    .log = [this](std::string_view line) { log_.emplace_back(line); }});
  const Session session;
  const auto page =
      site.app().handle(reg::testing::form_post(session, {{"username", "nobody"},
                                                          {"email", "nobody@example.org"},
                                                          {"password", "Correct-Horse-7"},
                                                          {"confirmPassword", "Correct-Horse-7"},
                                                          {"affiliation", "GSFC"}}));
  EXPECT_EQ(page.status, 503);
  EXPECT_TRUE(contains(page.body, "The registration service is busy or cannot be reached right now."));
  EXPECT_FALSE(contains(page.body, "127.0.0.1:9"));
  EXPECT_FALSE(contains(page.body, "ConnectionFailed"));
  ASSERT_FALSE(log_.empty());
  EXPECT_TRUE(contains(log_.front(), "ConnectionFailed"));
}

}  // namespace
