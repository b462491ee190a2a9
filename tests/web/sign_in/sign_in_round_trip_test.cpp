// The whole sign-in as a browser does it, over real HTTP: the app behind the local server front door
// (127.0.0.1), the OIDC stand-in as the user pool, an example page protected by require_signed_in.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>

#include "browser.h"
#include "oidc_stand_in.h"
#include "web/app.h"
#include "web/local_server.h"
#include "web/sign_in/sign_in.h"

namespace web = heliocloud::web;
namespace sign_in = heliocloud::web::sign_in;
using sign_in::testing::Browser;
using sign_in::testing::target_of;

namespace {

// A port nobody listens on right now. The app's callback URL must name its port before the server
// binds it, so the port is chosen first; the fixture retries if another process takes it meanwhile.
int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof addr;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size) == 0)
    port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

// The example app a User Portal would be: a public page, a protected page, sign-in and sign-out.
struct ExampleSite {
  ExampleSite(const std::string& stand_in_url, int port)
      : origin("http://127.0.0.1:" + std::to_string(port)),
        sign_in({.issuer = stand_in_url,
                 .domain = stand_in_url,
                 .client_id = "stand-in-client",
                 .client_secret = "stand-in-secret",
                 .redirect_uri = origin + "/auth/callback",
                 .logout_uri = origin + "/bye",
                 .secret_key = web::random_key()}),
        app({.csrf_key = web::random_key(), .secure_cookies = false, .access_log = {}}),
        server(app, {.listen = {.host = "127.0.0.1", .port = port}}) {
    sign_in.mount(app);
    app.get("/bye", [](const web::Request&) { return web::Response::text("signed out"); });
    app.get("/", sign_in.require_signed_in([](const web::Request& r, const sign_in::SignedInUser& user) {
      return web::Response::html(
          "<p>Hello, " + web::html_escape(user.username) + "</p><form method=\"post\" action=\"/logout\">" +
          "<input type=\"hidden\" name=\"csrf_token\" value=\"" + r.csrf_token + "\"></form>");
    }));
  }
  std::string origin;
  sign_in::SignIn sign_in;
  web::App app;
  web::LocalServer server;
};

std::vector<std::string> set_cookies(const httplib::Result& r) {
  std::vector<std::string> out;
  const auto range = r->headers.equal_range("Set-Cookie");
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

std::string token_in(const std::string& page) {
  const std::string marker = "name=\"csrf_token\" value=\"";
  const auto start = page.find(marker) + marker.size();
  return page.substr(start, page.find('"', start) - start);
}

class SignInRoundTrip : public ::testing::Test {
 protected:
  void SetUp() override {
    stand_in_.start();
    for (int attempt = 0; attempt < 5 && !site_; ++attempt) {
      const int port = free_port();
      auto site = std::make_unique<ExampleSite>(stand_in_.url(), port);
      try {
        site->server.start();
      } catch (const std::runtime_error&) {
        continue;
      }
      stand_in_.allow_redirect_uri(site->origin + "/auth/callback");
      stand_in_.allow_logout_uri(site->origin + "/bye");
      site_ = std::move(site);
    }
    ASSERT_TRUE(site_) << "no free port for the example app";
  }

  // GET or POST on the app with the browser's cookies; the browser keeps the answer's cookies.
  httplib::Result app_request(const std::string& method, const std::string& target,
                              const std::string& form = {}) {
    httplib::Client client(site_->origin);
    const httplib::Headers headers = {{"Cookie", browser_.cookie_header()}};
    auto r = method == "POST" ? client.Post(target, headers, form, "application/x-www-form-urlencoded")
                              : client.Get(target, headers);
    if (r) browser_.take(set_cookies(r));
    return r;
  }
  httplib::Result pool_get(const std::string& url) {
    httplib::Client client(stand_in_.url());
    return client.Get(target_of(url));
  }

  heliocloud::testing::OidcStandIn stand_in_{{}};
  std::unique_ptr<ExampleSite> site_;
  Browser browser_;
};

TEST_F(SignInRoundTrip, SignsInThroughThePoolShowsThePageAndSignsOut) {
  // Not signed in: the page sends the browser to sign-in, which sends it to the pool.
  auto r = app_request("GET", "/");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 302);
  // (cpp-httplib's client percent-decodes Location values.)
  EXPECT_EQ(heliocloud::base::percent_decode(r->get_header_value("Location")), "/auth/sign-in?return_to=/");
  r = app_request("GET", r->get_header_value("Location"));
  ASSERT_EQ(r->status, 302);
  const std::string authorize = r->get_header_value("Location");
  ASSERT_TRUE(authorize.starts_with(stand_in_.url() + "/oauth2/authorize?")) << authorize;

  // The pool approves the test user and sends the browser back with a code.
  auto pool = pool_get(authorize);
  ASSERT_TRUE(pool);
  ASSERT_EQ(pool->status, 302) << pool->body;
  const std::string callback = pool->get_header_value("Location");
  ASSERT_TRUE(callback.starts_with(site_->origin + "/auth/callback?code=")) << callback;

  r = app_request("GET", target_of(callback));
  ASSERT_EQ(r->status, 302) << r->body;
  EXPECT_EQ(r->get_header_value("Location"), "/");
  EXPECT_TRUE(browser_.has_session());

  r = app_request("GET", "/");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->body.find("Hello, ada"), std::string::npos);
  EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store");

  // Sign out with the page's CSRF token: cookies cleared, then the pool's /logout, then back to the app.
  r = app_request("POST", "/logout", "csrf_token=" + heliocloud::base::percent_encode(token_in(r->body)));
  ASSERT_EQ(r->status, 303);
  EXPECT_TRUE(browser_.jar.empty());
  pool = pool_get(r->get_header_value("Location"));
  ASSERT_EQ(pool->status, 302);
  EXPECT_EQ(pool->get_header_value("Location"), site_->origin + "/bye");
  EXPECT_EQ(stand_in_.logouts(), 1);
  r = app_request("GET", "/");
  EXPECT_EQ(r->status, 302);
}

}  // namespace
