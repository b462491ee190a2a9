// The local front door for real: the example app on 127.0.0.1 (ephemeral port), driven by an HTTP client.
#include "web/local_server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "example_app.h"
#include "test_requests.h"
#include "web/listen_address.h"

namespace web = heliocloud::web;
using heliocloud::web::testing::csrf_field;
using heliocloud::web::testing::ExampleApp;

namespace {

// The hc_csrf=... pair of a Set-Cookie line.
std::string cookie_pair(const std::string& set_cookie) {
  return set_cookie.substr(0, set_cookie.find(';'));
}

// The value of the hidden csrf_token field in a page.
std::string token_in(const std::string& page) {
  const std::string marker = "name=\"csrf_token\" value=\"";
  const auto start = page.find(marker);
  if (start == std::string::npos) return {};
  const auto from = start + marker.size();
  return page.substr(from, page.find('"', from) - from);
}

class LocalServerTest : public ::testing::Test {
 protected:
  void SetUp() override { port_ = server_.start(); }
  httplib::Client client() const { return httplib::Client("127.0.0.1", port_); }

  ExampleApp site_{{.max_body_bytes = 4096}};
  web::LocalServer server_{site_.app(), {.listen = {.host = "127.0.0.1", .port = 0}}};
  int port_ = 0;
};

TEST_F(LocalServerTest, ServesAPageThenAcceptsThePostWithItsToken) {
  auto c = client();
  const auto page = c.Get("/?name=Ada%20L");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Hello, Ada L"), std::string::npos);
  EXPECT_EQ(page->get_header_value("X-Frame-Options"), "DENY");
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  const auto set_cookie = page->get_header_value("Set-Cookie");
  ASSERT_FALSE(set_cookie.empty());
  const std::string token = token_in(page->body);
  ASSERT_FALSE(token.empty());

  const httplib::Headers with_cookie = {{"Cookie", cookie_pair(set_cookie)}};
  const auto post =
      c.Post("/instances/i-42/stop", with_cookie, csrf_field(token), "application/x-www-form-urlencoded");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 303);
  EXPECT_EQ(post->get_header_value("Location"), "/instances/i-42");
  EXPECT_EQ(site_.stopped(), std::vector<std::string>{"i-42"});
}

TEST_F(LocalServerTest, RefusesAPostWithoutToken) {
  auto c = client();
  const auto page = c.Get("/");
  ASSERT_TRUE(page);
  const httplib::Headers with_cookie = {{"Cookie", cookie_pair(page->get_header_value("Set-Cookie"))}};
  const auto post = c.Post("/instances/i-42/stop", with_cookie, "x=1", "application/x-www-form-urlencoded");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 403);
  EXPECT_NE(post->body.find("403 Forbidden"), std::string::npos);
  EXPECT_EQ(post->get_header_value("X-Content-Type-Options"), "nosniff");
  // Without the cookie, even the page's token is refused.
  const auto no_cookie =
      c.Post("/instances/i-42/stop", csrf_field(token_in(page->body)), "application/x-www-form-urlencoded");
  ASSERT_TRUE(no_cookie);
  EXPECT_EQ(no_cookie->status, 403);
  EXPECT_TRUE(site_.stopped().empty());
}

TEST_F(LocalServerTest, ErrorsKeepTheirStatusAndHeaders) {
  auto c = client();
  const auto missing = c.Get("/nope?token=SECRET");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  const auto boom = c.Get("/boom");
  ASSERT_TRUE(boom);
  EXPECT_EQ(boom->status, 500);
  EXPECT_EQ(boom->body.find("AKIA"), std::string::npos);
  const auto wrong = c.Get("/instances/i-1/stop");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405);
  EXPECT_EQ(wrong->get_header_value("Allow"), "POST");
  // The log saw the path, never the query.
  for (const auto& entry : site_.access_log()) EXPECT_EQ(entry.path.find("SECRET"), std::string::npos);
  EXPECT_EQ(site_.access_log().at(0).path, "/nope");
}

TEST_F(LocalServerTest, OversizedBodiesGetOur413Page) {
  auto c = client();
  const auto post =
      c.Post("/instances/i-1/stop", std::string(10000, 'a'), "application/x-www-form-urlencoded");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 413);
  EXPECT_EQ(post->get_header_value("X-Frame-Options"), "DENY");
  EXPECT_NE(post->body.find("413"), std::string::npos);
  EXPECT_TRUE(site_.stopped().empty());
}

TEST_F(LocalServerTest, StaticAssetsRevalidateWith304) {
  auto c = client();
  const auto css = c.Get("/static/app.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
  const auto etag = css->get_header_value("ETag");
  const auto again = c.Get("/static/app.css", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  const auto png = c.Get("/static/logo.png");
  ASSERT_TRUE(png);
  EXPECT_EQ(png->body.size(), 20U);
}

TEST_F(LocalServerTest, StopsGracefullyAndTwice) {
  server_.stop();
  server_.stop();
  auto c = client();
  c.set_connection_timeout(1);
  EXPECT_FALSE(c.Get("/"));
}

TEST(LocalServer, RefusesNonLoopbackUnlessAllowedAndNeverWithInsecureCookies) {
  ExampleApp site;
  web::LocalServer any(site.app(), {.listen = {.host = "0.0.0.0", .port = 0}});
  EXPECT_THROW(any.start(), std::runtime_error);
  ExampleApp local({.secure_cookies = false});
  web::LocalServer insecure(local.app(),
                            {.listen = {.host = "0.0.0.0", .port = 0}, .allow_non_loopback = true});
  EXPECT_THROW(insecure.start(), std::runtime_error);
  // Loopback with insecure cookies is the local development setup.
  web::LocalServer dev(local.app(), {.listen = {.host = "127.0.0.1", .port = 0}});
  EXPECT_GT(dev.start(), 0);
}

TEST(ListenAddress, ParsesHostPortForms) {
  const auto v4 = web::parse_listen_address("127.0.0.1:8080");
  ASSERT_TRUE(v4.ok()) << v4.error;
  EXPECT_EQ(v4.value->host, "127.0.0.1");
  EXPECT_EQ(v4.value->port, 8080);
  const auto v6 = web::parse_listen_address("[::1]:0");
  ASSERT_TRUE(v6.ok());
  EXPECT_EQ(v6.value->host, "::1");
  EXPECT_EQ(v6.value->port, 0);
  EXPECT_EQ(web::parse_listen_address(":9000").value->host, "127.0.0.1");
  for (const char* bad : {"8080", "host:", "host:65536", "host:-1", "host:80x", "::1:80", "[::1:80", "[]:80"})
    EXPECT_FALSE(web::parse_listen_address(bad).ok()) << bad;
}

TEST(ListenAddress, KnowsLoopback) {
  for (const char* host : {"127.0.0.1", "127.1.2.3", "::1", "localhost"})
    EXPECT_TRUE(web::is_loopback(host)) << host;
  for (const char* host : {"0.0.0.0", "10.0.0.1", "::", "example.org", "", "128.0.0.1"})
    EXPECT_FALSE(web::is_loopback(host)) << host;
}

TEST_F(LocalServerTest, ServesConcurrentClients) {
  auto c = client();
  const auto page = c.Get("/");
  ASSERT_TRUE(page);
  const httplib::Headers with_cookie = {{"Cookie", cookie_pair(page->get_header_value("Set-Cookie"))}};
  const std::string form = csrf_field(token_in(page->body));
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  threads.reserve(6);
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      auto mine = client();
      for (int i = 0; i < 5; ++i) {
        const auto post = mine.Post("/instances/t" + std::to_string(t) + "-" + std::to_string(i) + "/stop",
                                    with_cookie, form, "application/x-www-form-urlencoded");
        const auto get = mine.Get("/static/app.css");
        if (post && post->status == 303 && get && get->status == 200) ++ok;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok.load(), 30);
  EXPECT_EQ(site_.stopped().size(), 30U);
}

}  // namespace
