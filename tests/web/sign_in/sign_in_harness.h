#pragma once
// An app with sign-in against the OIDC stand-in, driven through App::handle (the front doors have tests of
// their own): a protected page and a protected action, a test clock shared by the app and the stand-in, and
// the sign-in log captured so tests can check what it says (and that it never holds a token).
#include <httplib.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "browser.h"
#include "oidc_stand_in.h"
#include "test_tokens.h"
#include "web/app.h"
#include "web/sign_in/sign_in.h"

namespace heliocloud::web::sign_in::testing {

inline const std::string kAppCsrfKey = "0123456789abcdef0123456789abcdef-sign-in-test";
inline const std::string kSecretKey = "a sign-in secret key for the tests, 32+ bytes";
inline const std::string kAppOrigin = "http://127.0.0.1:8080";

struct Log {
  std::mutex mu;
  std::vector<std::string> lines;
  void add(std::string_view line) {
    std::scoped_lock lock(mu);
    lines.emplace_back(line);
  }
  [[nodiscard]] std::string all() {
    std::scoped_lock lock(mu);
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
  }
};

// The protected example routes: GET /private shows the user; POST /private/action changes something.
inline void add_example_routes(App& app, const SignIn& sign_in) {
  app.get("/private", sign_in.require_signed_in([](const Request&, const SignedInUser& user) {
    return Response::text("user=" + user.username + " email=" + user.email +
                          " groups=" + base::join(user.groups, ",") +
                          " scientist=" + (user.in_group("scientists") ? "yes" : "no"));
  }));
  app.post("/private/action", sign_in.require_signed_in([](const Request&, const SignedInUser& user) {
    return Response::see_other("/private?done=" + user.username);
  }));
}

class SignInHarness {
 public:
  explicit SignInHarness(std::string client_secret = "stand-in-secret") {
    stand_in_.start();
    sign_in_ = std::make_unique<SignIn>(options(std::move(client_secret)));
    app_ = std::make_unique<App>(AppOptions{.csrf_key = kAppCsrfKey, .access_log = {}});
    sign_in_->mount(*app_);
    add_example_routes(*app_, *sign_in_);
  }

  SignInOptions options(std::string client_secret) {
    return {.issuer = stand_in_.url(),
            .domain = stand_in_.url(),
            .client_id = "stand-in-client",
            .client_secret = std::move(client_secret),
            .redirect_uri = kAppOrigin + "/auth/callback",
            .logout_uri = kAppOrigin + "/",
            .secret_key = kSecretKey,
            .clock = time_.clock(),
            .log = [l = log_](std::string_view line) { l->add(line); }};
  }

  // The browser sends `method path` to the app with its cookies (and the CSRF token on a POST); it keeps the
  // cookies of the answer.
  Response send(const std::string& method, const std::string& target, std::string body = {}) {
    Request request;
    request.method = method;
    const auto q = target.find('?');
    request.path = target.substr(0, q);
    if (q != std::string::npos) request.query = parse_urlencoded(std::string_view(target).substr(q + 1));
    if (!browser_.jar.empty()) request.headers.add("Cookie", browser_.cookie_header());
    if (method == "POST") {
      request.headers.add("Content-Type", "application/x-www-form-urlencoded");
      request.body = std::move(body);
    }
    Response response = app_->handle(std::move(request));
    browser_.take(response.headers.get_all("Set-Cookie"));
    return response;
  }

  // The form field that carries this browser's CSRF token (the App's signed double submit).
  [[nodiscard]] std::string csrf_field() const {
    const auto it = browser_.jar.find("hc_csrf");
    if (it == browser_.jar.end()) return {};
    return "csrf_token=" + base::percent_encode(CsrfProtection(kAppCsrfKey).token_for(it->second));
  }

  // GET on the stand-in, no redirects followed.
  static httplib::Result stand_in_get(const std::string& url) {
    httplib::Client client("127.0.0.1", port_of(url));
    return client.Get(target_of(url));
  }

  // /auth/sign-in → the stand-in's authorize → the callback URL it sends the browser to.
  std::string authorize(const std::string& return_to = "/private") {
    const auto start = send("GET", "/auth/sign-in?return_to=" + base::percent_encode(return_to));
    return approve(*start.headers.get("Location"));
  }
  // The stand-in's answer to an authorize URL: where it redirects (the callback with code and state).
  static std::string approve(const std::string& authorize_url) {
    const auto answer = stand_in_get(authorize_url);
    if (!answer || answer->status != 302) return {};
    return answer->get_header_value("Location");
  }
  // A whole sign-in; returns the callback's response.
  Response sign_in(const std::string& return_to = "/private") {
    return send("GET", target_of(authorize(return_to)));
  }

  TestClock& time() { return time_; }
  Browser& browser() { return browser_; }
  heliocloud::testing::OidcStandIn& stand_in() { return stand_in_; }
  App& app() { return *app_; }
  SignIn& component() { return *sign_in_; }
  std::string log() { return log_->all(); }

 private:
  static int port_of(const std::string& url) {
    const auto colon = url.find(':', url.find("://") + 3);
    return std::stoi(url.substr(colon + 1));
  }

  TestClock time_;
  std::shared_ptr<Log> log_ = std::make_shared<Log>();
  heliocloud::testing::OidcStandIn stand_in_{{.redirect_uris = {kAppOrigin + "/auth/callback"},
                                              .logout_uris = {kAppOrigin + "/"},
                                              .clock = time_.clock()}};
  std::unique_ptr<SignIn> sign_in_;
  std::unique_ptr<App> app_;
  Browser browser_;
};

}  // namespace heliocloud::web::sign_in::testing
