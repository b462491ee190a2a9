#pragma once
// How an app signs users in with a Cognito user pool (or any OIDC provider with Cognito's endpoints: the
// stand-in of the tests). Everything comes from the app's configuration at cold start; the client secret
// and the secret key from Secrets Manager (or DescribeUserPoolClient), never from a template or a cookie.
#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "web/sign_in/clock.h"
#include "web/sign_in/token_endpoint.h"

namespace heliocloud::web::sign_in {

struct SignInOptions {
  // The pool as token issuer, exactly as the tokens' iss: https://cognito-idp.<region>.amazonaws.com/<pool
  // id>.
  std::string issuer;
  // The pool's hosted-UI origin: https://<prefix>.auth.<region>.amazoncognito.com (or its custom domain);
  // /oauth2/authorize, /oauth2/token, /oauth2/revoke and /logout are below it.
  std::string domain;
  std::string client_id;
  std::string client_secret;
  // The client's callback URL, registered with the pool: https://portal.example.org/auth/callback. Its path
  // is the callback route.
  std::string redirect_uri;
  // Where the pool's /logout sends the browser afterwards; must be one of the client's sign-out URLs.
  std::string logout_uri;
  // Must include "openid" (no id token otherwise).
  std::vector<std::string> scopes = {"openid", "email", "profile"};
  // At least 32 bytes of secret randomness, the same on every instance: the cookies are sealed with keys
  // derived from it (HKDF, one per purpose), so it may be the app's CSRF key.
  std::string secret_key;
  // Default: issuer + "/.well-known/jwks.json" (where Cognito serves it).
  std::string jwks_uri;

  std::string sign_in_path = "/auth/sign-in";
  std::string logout_path = "/logout";
  std::string after_sign_in = "/";  // where a sign-in lands when it was not sent from a page
  // Cookie names: <prefix>session_0.. (the session) and <prefix>sign_in (pre-login).
  std::string cookie_prefix = "hc_";

  // Clock skew tolerated on exp, nbf, iat.
  std::chrono::seconds leeway{60};
  // The app client's refresh-token validity (Cognito's default: 30 days): the session cookie's life.
  std::chrono::seconds session_lifetime{std::chrono::hours{24 * 30}};
  // Tokens that expire sooner than this are refreshed before the handler gets them, so that a token passed
  // on (e.g. to Cognito Identity) is still good when it arrives.
  std::chrono::seconds refresh_margin{60};
  // The JWKS is fetched again for an unknown kid at most this often.
  std::chrono::seconds jwks_refetch_interval{60};
  // On sign-out, revoke the refresh token (/oauth2/revoke) so that a copied session cookie dies with its
  // access token. Needs token revocation enabled on the app client (Cognito's default).
  bool revoke_on_logout = true;

  // Seams for tests; defaults: libcurl, the system clock, lines on stderr. The log never gets a token.
  HttpSend http;
  Clock clock;
  std::function<void(std::string_view)> log;
};

// Throws std::invalid_argument naming the first bad option: a missing value, a URL that is not https
// (plain http only to a loopback host, for local runs), a short secret key, scopes without "openid", a
// route path that does not start with '/'.
void validate(const SignInOptions& options);

}  // namespace heliocloud::web::sign_in
