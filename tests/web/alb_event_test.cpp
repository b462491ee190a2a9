// The ALB → Lambda adapter: events in both header modes, bodies both ways, malformed events.
#include "web/alb_event.h"

#include <gtest/gtest.h>

#include "base/base64.h"
#include "example_app.h"
#include "test_requests.h"

namespace web = heliocloud::web;
using heliocloud::web::testing::csrf_field;
using heliocloud::web::testing::ExampleApp;
using heliocloud::web::testing::Session;
using nlohmann::json;

namespace {

// An event as ALB sends it with multi-value headers off (the documented example's shape).
json single_value_event(const std::string& method, const std::string& path) {
  return {
      {"requestContext",
       {{"elb", {{"targetGroupArn", "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/t/1"}}}}},
      {"httpMethod", method},
      {"path", path},
      {"queryStringParameters", json::object()},
      {"headers", {{"accept", "text/html"}, {"host", "portal.example.org"}, {"x-forwarded-proto", "https"}}},
      {"body", ""},
      {"isBase64Encoded", false}};
}

json multi_value_event(const std::string& method, const std::string& path) {
  return {{"httpMethod", method},
          {"path", path},
          {"multiValueQueryStringParameters", json::object()},
          {"multiValueHeaders", {{"accept", {"text/html"}}, {"host", {"portal.example.org"}}}},
          {"body", ""},
          {"isBase64Encoded", false}};
}

json round_trip(const web::App& app, const json& event) {
  return json::parse(web::handle_alb_event(app, event.dump(), "lambda-request-1"));
}

}  // namespace

TEST(AlbEvent, SingleValueEventRoundTripsWithDecodedQuery) {
  ExampleApp site;
  json event = single_value_event("GET", "/");
  // ALB hands the query over as the client sent it: still percent-encoded.
  event["queryStringParameters"] = {{"name", "Ada%20%3CL%3E+Lovelace"}, {"x%5B%5D", "1"}};
  const auto request = web::request_from_alb_event(event);
  EXPECT_FALSE(request.multi_value);
  EXPECT_EQ(request.request.query.get("name"), "Ada <L> Lovelace");
  EXPECT_EQ(request.request.query.get("x[]"), "1");
  EXPECT_EQ(request.request.headers.get("Host"), "portal.example.org");

  const auto out = round_trip(site.app(), event);
  EXPECT_EQ(out["statusCode"], 200);
  EXPECT_EQ(out["statusDescription"], "200 OK");
  EXPECT_EQ(out["isBase64Encoded"], false);
  ASSERT_TRUE(out.contains("headers"));
  EXPECT_FALSE(out.contains("multiValueHeaders"));
  EXPECT_EQ(out["headers"]["Content-Type"], "text/html; charset=utf-8");
  EXPECT_EQ(out["headers"]["X-Frame-Options"], "DENY");
  EXPECT_EQ(out["headers"]["X-Request-Id"], "lambda-request-1");
  EXPECT_TRUE(out["headers"]["Set-Cookie"].get<std::string>().starts_with("hc_csrf="));
  EXPECT_NE(out["body"].get<std::string>().find("Hello, Ada &lt;L&gt; Lovelace"), std::string::npos);
  EXPECT_EQ(site.access_log().at(0).request_id, "lambda-request-1");
}

TEST(AlbEvent, MultiValueEventKeepsRepeatsAndAnswersInTheSameMode) {
  ExampleApp site;
  const Session session;
  json event = multi_value_event("GET", "/prefs");
  event["multiValueQueryStringParameters"] = {{"tag", {"a%2Bb", "c+d"}}};
  event["multiValueHeaders"]["cookie"] = {session.cookie()};
  event["multiValueHeaders"]["x-forwarded-for"] = {"1.2.3.4", "5.6.7.8"};
  const auto request = web::request_from_alb_event(event);
  EXPECT_TRUE(request.multi_value);
  EXPECT_EQ(request.request.query.get_all("tag"), (std::vector<std::string>{"a+b", "c d"}));
  EXPECT_EQ(request.request.headers.get_all("X-Forwarded-For"),
            (std::vector<std::string>{"1.2.3.4", "5.6.7.8"}));

  const auto out = round_trip(site.app(), event);
  EXPECT_EQ(out["statusCode"], 200);
  EXPECT_FALSE(out.contains("headers"));
  EXPECT_EQ(out["multiValueHeaders"]["Set-Cookie"],
            json::array({"theme=dark; Path=/; HttpOnly; Secure; SameSite=Lax",
                         "lang=en; Max-Age=3600; Path=/; HttpOnly; Secure; SameSite=Lax"}));
  EXPECT_EQ(out["multiValueHeaders"]["Content-Type"], json::array({"text/plain; charset=utf-8"}));
  EXPECT_EQ(out["body"], "saved");
}

TEST(AlbEvent, Base64RequestBodyIsDecodedForAFormPost) {
  ExampleApp site;
  const Session session;
  json event = single_value_event("POST", "/instances/i-7/stop");
  event["headers"]["cookie"] = session.cookie();
  event["headers"]["content-type"] = "application/x-www-form-urlencoded";
  event["body"] = heliocloud::base::base64_encode(csrf_field(session.token()));
  event["isBase64Encoded"] = true;
  const auto out = round_trip(site.app(), event);
  EXPECT_EQ(out["statusCode"], 303);
  EXPECT_EQ(out["statusDescription"], "303 See Other");
  EXPECT_EQ(out["headers"]["Location"], "/instances/i-7");
  EXPECT_EQ(site.stopped(), std::vector<std::string>{"i-7"});

  event["body"] = heliocloud::base::base64_encode("csrf_token=wrong");
  EXPECT_EQ(round_trip(site.app(), event)["statusCode"], 403);
}

TEST(AlbEvent, BinaryResponsesAreBase64Encoded) {
  ExampleApp site;
  const auto out = round_trip(site.app(), single_value_event("GET", "/static/logo.png"));
  EXPECT_EQ(out["statusCode"], 200);
  EXPECT_EQ(out["isBase64Encoded"], true);
  EXPECT_EQ(out["headers"]["Content-Type"], "image/png");
  EXPECT_EQ(heliocloud::base::base64_decode(out["body"].get<std::string>()),
            std::string("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00\x01", 20));
}

TEST(AlbEvent, TextThatIsNotUtf8IsBase64EncodedToo) {
  web::Response r = web::Response::text(std::string("caf\xe9", 4));
  const auto out = web::alb_response(r, false);
  EXPECT_EQ(out["isBase64Encoded"], true);
  EXPECT_EQ(heliocloud::base::base64_decode(out["body"].get<std::string>()), std::string("caf\xe9", 4));
  r.body = "caf\xc3\xa9";
  EXPECT_EQ(web::alb_response(r, false)["isBase64Encoded"], false);
}

TEST(AlbEvent, SingleValueModeJoinsRepeatedHeadersButNotCookies) {
  web::Response r = web::Response::text("x");
  r.headers.add("Vary", "Accept");
  r.headers.add("Vary", "Cookie");
  r.headers.add("Set-Cookie", "a=1");
  r.headers.add("Set-Cookie", "b=2");
  testing::internal::CaptureStderr();
  const auto out = web::alb_response(r, false);
  EXPECT_NE(testing::internal::GetCapturedStderr().find("multi-value"), std::string::npos);
  EXPECT_EQ(out["headers"]["Vary"], "Accept, Cookie");
  EXPECT_EQ(out["headers"]["Set-Cookie"], "a=1");
}

TEST(AlbEvent, MalformedEventsGetA400ResponseNeverAnException) {
  ExampleApp site;
  json missing_path = single_value_event("GET", "/");
  missing_path.erase("path");
  json bad_header = single_value_event("GET", "/");
  bad_header["headers"]["accept"] = 5;
  json bad_multi = multi_value_event("GET", "/");
  bad_multi["multiValueHeaders"]["accept"] = "not a list";
  json bad_base64 = single_value_event("POST", "/api/echo");
  bad_base64["body"] = "***";
  bad_base64["isBase64Encoded"] = true;
  json bad_flag = single_value_event("GET", "/");
  bad_flag["isBase64Encoded"] = "yes";
  json relative_path = single_value_event("GET", "relative");
  json method_number = single_value_event("GET", "/");
  method_number["httpMethod"] = 1;
  json query_not_object = single_value_event("GET", "/");
  query_not_object["queryStringParameters"] = json::array();

  const std::vector<std::string> events = {"not json",
                                           "[1,2]",
                                           "null",
                                           "{}",
                                           missing_path.dump(),
                                           bad_header.dump(),
                                           bad_multi.dump(),
                                           bad_base64.dump(),
                                           bad_flag.dump(),
                                           relative_path.dump(),
                                           method_number.dump(),
                                           query_not_object.dump()};
  for (const auto& event : events) {
    std::string text;
    ASSERT_NO_THROW(text = web::handle_alb_event(site.app(), event)) << event;
    const auto out = json::parse(text);
    EXPECT_EQ(out["statusCode"], 400) << event;
    EXPECT_EQ(out["statusDescription"], "400 Bad Request");
    EXPECT_EQ(out["headers"]["X-Content-Type-Options"], "nosniff");
    EXPECT_EQ(out["isBase64Encoded"], false);
  }
  EXPECT_EQ(site.access_log().size(), events.size());
  EXPECT_EQ(site.access_log().back().status, 400);
}

TEST(AlbEvent, NullQueryAndHeaderMapsAreEmpty) {
  json event = single_value_event("GET", "/");
  event["queryStringParameters"] = nullptr;
  event["headers"] = nullptr;
  event.erase("body");
  const auto request = web::request_from_alb_event(event);
  EXPECT_TRUE(request.request.query.empty());
  EXPECT_TRUE(request.request.headers.entries().empty());
  EXPECT_TRUE(request.request.body.empty());
}

TEST(AlbEvent, EveryTruncationOfAnEventIsHandledWithoutThrowing) {
  ExampleApp site;
  json event = multi_value_event("POST", "/api/echo");
  event["multiValueQueryStringParameters"] = {{"q", {"%ZZ%", "%"}}};
  event["body"] = heliocloud::base::base64_encode("{\"a\": 1}");
  event["isBase64Encoded"] = true;
  const std::string text = event.dump();
  for (std::size_t n = 0; n <= text.size(); ++n) {
    std::string out;
    ASSERT_NO_THROW(out = web::handle_alb_event(site.app(), text.substr(0, n))) << n;
    const auto status = json::parse(out)["statusCode"].get<int>();
    // Only the whole event is a request (refused: no CSRF token); every prefix is malformed.
    EXPECT_EQ(status, n == text.size() ? 403 : 400) << n;
  }
}
