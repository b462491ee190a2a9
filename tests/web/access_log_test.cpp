// The access log line: what it holds and what it must never hold.
#include "web/access_log.h"

#include <gtest/gtest.h>

#include "example_app.h"
#include "test_requests.h"

namespace web = heliocloud::web;
using heliocloud::web::testing::ExampleApp;
using heliocloud::web::testing::make_request;

TEST(AccessLog, FormatsOneLineWithTheFields) {
  const web::AccessLogEntry entry{.method = "GET",
                                  .path = "/instances/i-1",
                                  .status = 200,
                                  .bytes = 1234,
                                  .duration = std::chrono::microseconds{567},
                                  .request_id = "abc123"};
  EXPECT_EQ(web::format_access_log_line(entry),
            "access method=GET path=/instances/i-1 status=200 bytes=1234 duration_us=567 request_id=abc123");
}

TEST(AccessLog, EscapesControlCharactersSoAPathCannotForgeALine) {
  const web::AccessLogEntry entry{
      .method = "GET", .path = "/a\nstatus=200 b%", .status = 404, .request_id = "r"};
  const auto line = web::format_access_log_line(entry);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_NE(line.find("path=/a%0Astatus=200%20b%25 "), std::string::npos) << line;
}

TEST(AccessLog, TheAppLogsEveryRequestWithoutQueryStringCookiesOrTokens) {
  ExampleApp site;
  auto request = make_request("GET", "/", "hc_csrf=SECRETCOOKIEVALUE; user=alice");
  request.query.add("code", "SECRETOAUTHCODE");
  request.headers.add("Authorization", "Bearer SECRETTOKEN");
  const auto response = site.app().handle(request);
  (void)site.app().handle(make_request("GET", "/missing"));

  const auto log = site.access_log();
  ASSERT_EQ(log.size(), 2U);
  EXPECT_EQ(log[0].method, "GET");
  EXPECT_EQ(log[0].path, "/");
  EXPECT_EQ(log[0].status, 200);
  EXPECT_EQ(log[0].bytes, response.body.size());
  EXPECT_GE(log[0].duration.count(), 0);
  EXPECT_EQ(log[0].request_id, response.headers.get("X-Request-Id"));
  EXPECT_EQ(log[1].status, 404);
  EXPECT_NE(log[0].request_id, log[1].request_id);
  for (const auto& entry : log) {
    const auto line = web::format_access_log_line(entry);
    for (const char* secret : {"SECRET", "code=", "?", "alice"})
      EXPECT_EQ(line.find(secret), std::string::npos) << line;
  }
}

TEST(AccessLog, TheDefaultSinkWritesTheLineToStderr) {
  testing::internal::CaptureStderr();
  web::log_to_stderr({.method = "POST", .path = "/x", .status = 303, .bytes = 0, .request_id = "id1"});
  const auto err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(err, "access method=POST path=/x status=303 bytes=0 duration_us=0 request_id=id1\n");
}
