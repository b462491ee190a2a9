#pragma once
// Sign-in with a Cognito user pool for a web app on the core: OAuth 2.0 authorization code flow with PKCE
// (S256), state and nonce (OIDC Core §3.1), tokens verified on every request, kept sealed in the session
// cookie, refreshed when they expire; sign-out that clears every cookie and the pool's session.
//
//   sign_in::SignIn sign_in({.issuer = ..., .domain = ..., .client_id = ..., .client_secret = ...,
//                            .redirect_uri = "https://portal.example.org/auth/callback",
//                            .logout_uri = "https://portal.example.org/", .secret_key = key});
//   sign_in.mount(app);   // GET /auth/sign-in, GET <callback>, GET + POST /logout
//   app.get("/", sign_in.require_signed_in([](const web::Request& r, const sign_in::SignedInUser& user) {
//     return web::Response::text("Hello, " + user.username);
//   }));
//
// Routes:
//   GET  /auth/sign-in[?return_to=/path]  sets the pre-login cookie (state, nonce, PKCE verifier; 10 min) and
//                                         sends the browser to <domain>/oauth2/authorize
//   GET  <redirect_uri's path>            checks state against the cookie, redeems the code at
//                                         <domain>/oauth2/token (Basic auth, code_verifier), verifies both
//                                         tokens and the nonce, sets the session, goes to return_to
//   GET  /logout                          a page with a button (a GET must not change anything)
//   POST /logout                          (CSRF-checked by the App) revokes the refresh token, clears the
//                                         session, pre-login and CSRF cookies, goes to <domain>/logout
// Every failure of the callback is a 400 (502 when the pool cannot be reached) with a message saying what
// to do; none is a crash.
//
// The SignIn must outlive the App it is mounted on; it is safe from many threads at once.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "web/app.h"
#include "web/sign_in/jwks.h"
#include "web/sign_in/pre_login_cookie.h"
#include "web/sign_in/session_cookie.h"
#include "web/sign_in/sign_in_options.h"
#include "web/sign_in/signed_in_user.h"
#include "web/sign_in/token_endpoint.h"
#include "web/sign_in/token_verifier.h"

namespace heliocloud::web::sign_in {

using SignedInHandler = std::function<Response(const Request&, const SignedInUser&)>;

class SignIn {
 public:
  // Throws std::invalid_argument for bad options (validate()).
  explicit SignIn(SignInOptions options);
  SignIn(const SignIn&) = delete;
  SignIn& operator=(const SignIn&) = delete;

  // Adds the sign-in, callback and logout routes, and takes the app's CSRF cookie name (cleared on
  // sign-out) and error page renderer.
  void mount(App& app);

  // A handler that runs `handler` with the verified user, or answers a visitor who is not signed in (or
  // whose session ended and could not be refreshed): a GET or HEAD goes to sign-in and comes back here
  // afterwards; any other request gets 401. Refreshed or cleared session cookies go out with the response.
  [[nodiscard]] Handler require_signed_in(SignedInHandler handler) const;

  // The user of `request`, refreshing expired tokens on the way; nullopt when nobody is signed in.
  // `cookies` receives what the response must set (a refreshed session, or the clearing of a dead one).
  // Throws HttpError(503) when the pool cannot be reached to refresh or fetch its keys: the session is
  // kept, so that an outage does not sign everyone out.
  [[nodiscard]] std::optional<SignedInUser> authenticate(const Request& request,
                                                         std::vector<SetCookie>& cookies) const;

  // "/auth/sign-in?return_to=<this request's path and query>".
  [[nodiscard]] std::string sign_in_link(const Request& request) const;

  [[nodiscard]] const SignInOptions& options() const noexcept { return options_; }
  [[nodiscard]] const TokenVerifier& verifier() const noexcept { return verifier_; }

 private:
  Response start_sign_in(const Request& request) const;
  Response callback(const Request& request) const;
  Response logout_page(const Request& request) const;
  Response logout(const Request& request) const;
  Response fail(const Request& request, int status, const std::string& message,
                std::vector<SetCookie> cookies) const;
  struct Verified {
    SignedInUser user;
    std::int64_t expires_at = 0;  // the earlier exp of the two tokens
  };
  // Verifies both tokens of a session; throws TokenError.
  Verified verify_session(const SessionTokens& tokens) const;
  std::int64_t now() const;

  SignInOptions options_;
  std::string callback_path_;
  std::unique_ptr<KeySet> keys_;
  TokenVerifier verifier_;
  TokenEndpoint endpoint_;
  SessionCookie session_cookie_;
  PreLoginCookie pre_login_cookie_;
  // From the App at mount().
  std::string csrf_cookie_name_ = "hc_csrf";
  std::string csrf_form_field_ = "csrf_token";
  ErrorPageRenderer error_page_;
};

}  // namespace heliocloud::web::sign_in
