#pragma once
// The portal against the moto fixture with a user signed in through the OIDC stand-in: a fresh user name per
// harness (moto is shared by the whole run), a cookie-keeping browser that sends requests straight to
// App::handle (the front doors have tests of their own), the CSRF field of its session, and the portal's log
// captured so tests can check that no secret reaches it.
#include <httplib.h>

#include <memory>
#include <mutex>
#include <regex>
#include <string>
#include <vector>

#include "aws/cognito_identity.h"
#include "aws/ec2.h"
#include "aws/protocols.h"
#include "browser.h"
#include "moto_support.h"
#include "oidc_stand_in.h"
#include "portal/portal_site.h"
#include "web/csrf.h"

namespace heliocloud::portal::testing {

inline const std::string kCsrfKey = "a portal test key of at least thirty-two bytes";
inline const std::string kOrigin = "http://127.0.0.1:8080";
inline const std::string kUserPoolId = "us-east-1_PortalTest";

// moto's GetId needs the identity pool to exist; the portal never creates one (the stack does).
inline std::string make_identity_pool() {
  const aws::ServiceClient identity(aws::testing::moto_config(), {.name = "Cognito Identity",
                                                                  .signing_name = "cognito-identity",
                                                                  .endpoint_prefix = "cognito-identity",
                                                                  .env_id = "COGNITO_IDENTITY"});
  return aws::json_rpc_call(identity, "AWSCognitoIdentityService", "1.1", "CreateIdentityPool",
                            {{"IdentityPoolName", "portal_tests"},
                             {"AllowUnauthenticatedIdentities", false},
                             {"CognitoIdentityProviders",
                              {{{"ProviderName", aws::user_pool_provider_name(kUserPoolId)},
                                {"ClientId", "stand-in-client"}}}}},
                            false)
      .at("IdentityPoolId")
      .get<std::string>();
}

struct CapturedLog {
  std::mutex mu;
  std::string text;
  void add(std::string_view line) {
    std::scoped_lock lock(mu);
    text += std::string(line) + "\n";
  }
  std::string all() {
    std::scoped_lock lock(mu);
    return text;
  }
};

// Who signs in and against which pools.
struct HarnessOptions {
  std::string identity_pool_id;  // empty: a new one
  std::string user_pool_id = kUserPoolId;
  std::vector<std::string> groups = {"scientists"};  // the id token's cognito:groups
  std::vector<std::string> dataset_buckets;          // the Registry buckets of the datasets pages
};

class PortalHarness {
 public:
  explicit PortalHarness(std::string identity_pool_id = make_identity_pool())
      : PortalHarness(HarnessOptions{.identity_pool_id = std::move(identity_pool_id)}) {}
  explicit PortalHarness(HarnessOptions harness)
      : user_(aws::testing::unique_name("ada")),
        stand_in_({.redirect_uris = {kOrigin + "/loggedin"},
                   .logout_uris = {kOrigin + "/"},
                   .user = {.username = user_, .groups = harness.groups}}) {
    stand_in_.start();
    if (harness.identity_pool_id.empty()) harness.identity_pool_id = make_identity_pool();
    PortalOptions options{.csrf_key = kCsrfKey,
                          .secure_cookies = false,
                          .aws = aws::testing::moto_config(),
                          .identity = {.identity_pool_id = std::move(harness.identity_pool_id),
                                       .user_pool_id = std::move(harness.user_pool_id)},
                          .launch_target = {},
                          .sign_in = {.issuer = stand_in_.url(),
                                      .domain = stand_in_.url(),
                                      .client_id = "stand-in-client",
                                      .client_secret = "stand-in-secret",
                                      .redirect_uri = kOrigin + "/loggedin",
                                      .logout_uri = kOrigin + "/"},
                          .catalog = {.instance_types = {"t3.micro", "t3.small"}},
                          .dataset_buckets = std::move(harness.dataset_buckets),
                          .access_log = {},
                          .log = [l = log_](std::string_view line) { l->add(line); }};
    site_ = std::make_unique<PortalSite>(std::move(options));
  }

  // The browser sends `method target` with its cookies (a POST as a form); it keeps the answer's cookies.
  web::Response send(const std::string& method, const std::string& target, const std::string& body = {}) {
    web::Request request;
    request.method = method;
    const auto q = target.find('?');
    request.path = target.substr(0, q);
    if (q != std::string::npos) request.query = web::parse_urlencoded(std::string_view(target).substr(q + 1));
    if (!browser_.jar.empty()) request.headers.add("Cookie", browser_.cookie_header());
    if (method == "POST") {
      request.headers.add("Content-Type", "application/x-www-form-urlencoded");
      request.body = body;
    }
    web::Response response = site_->app().handle(std::move(request));
    browser_.take(response.headers.get_all("Set-Cookie"));
    return response;
  }
  web::Response get(const std::string& target) { return send("GET", target); }
  // A form post with this browser's CSRF token first.
  web::Response post(const std::string& target, const std::string& fields = {}) {
    return send("POST", target, csrf_field() + (fields.empty() ? "" : "&" + fields));
  }

  [[nodiscard]] std::string csrf_field() const {
    const auto it = browser_.jar.find("hc_csrf");
    if (it == browser_.jar.end()) return "csrf_token=";
    return "csrf_token=" + base::percent_encode(web::CsrfProtection(kCsrfKey).token_for(it->second));
  }

  // Sign-in through the stand-in: /auth/sign-in → authorize (auto-approved) → /loggedin.
  void sign_in() {
    const auto start = get("/auth/sign-in?return_to=/");
    httplib::Client stand_in("127.0.0.1", stand_in_port());
    const auto approved = stand_in.Get(web::sign_in::testing::target_of(*start.headers.get("Location")));
    if (!approved || approved->status != 302)
      throw std::runtime_error("the stand-in did not approve the sign-in");
    const auto back = get(web::sign_in::testing::target_of(approved->get_header_value("Location")));
    if (back.status != 302 && back.status != 303)
      throw std::runtime_error("the callback failed: " + back.body);
    (void)get("/");  // the CSRF cookie of the signed-in session
  }

  [[nodiscard]] const std::string& user() const noexcept { return user_; }
  [[nodiscard]] std::string log() { return log_->all(); }
  web::sign_in::testing::Browser& browser() { return browser_; }

 private:
  int stand_in_port() const {
    const std::string url = stand_in_.url();
    return std::stoi(url.substr(url.rfind(':') + 1));
  }

  std::string user_;
  std::shared_ptr<CapturedLog> log_ = std::make_shared<CapturedLog>();
  heliocloud::testing::OidcStandIn stand_in_;
  std::unique_ptr<PortalSite> site_;
  web::sign_in::testing::Browser browser_;
};

// EC2 as the tests (moto's default credentials), to look behind the portal's back and to make other users'
// things.
inline aws::Ec2Client test_ec2() {
  return aws::Ec2Client(aws::testing::moto_config());
}

inline aws::Instance instance(const std::string& id) {
  const auto found = test_ec2().describe_instances({}, {id});
  if (found.size() != 1) throw std::runtime_error("no instance " + id);
  return found.front();
}

// The id in "/?launched=i-..." of a launch's answer.
inline std::string launched_id(const web::Response& response) {
  const auto location = response.headers.get("Location").value_or("");
  const auto at = location.find("launched=");
  return at == std::string::npos ? std::string() : location.substr(at + 9);
}

// Whether `text` (a page, a message) has `part` in it.
inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace heliocloud::portal::testing
