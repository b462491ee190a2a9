#pragma once
// The user pool's OAuth 2.0 endpoints that the server calls itself (Cognito's /oauth2/token and
// /oauth2/revoke): redeem an authorization code with its PKCE verifier, refresh, revoke. The client
// authenticates with HTTP Basic and its secret (RFC 6749 §2.3.1, what Cognito expects of a confidential
// client). Bodies are never logged: they hold tokens.
#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

#include "http/message.h"

namespace heliocloud::web::sign_in {

// One HTTP exchange. Throws (e.g. http::TransportError) when no response arrived.
using HttpSend = std::function<http::Response(const http::Request&)>;

// The libcurl client (heliocloud_http) with timeouts fit for a page load waiting on it: 3 s to connect,
// 10 s in all.
[[nodiscard]] HttpSend default_http_send();

struct TokenSet {
  std::string id_token;
  std::string access_token;
  std::string refresh_token;  // empty when a refresh answer keeps the old one (Cognito without rotation)
  std::chrono::seconds expires_in{0};
};

class TokenEndpointError : public std::runtime_error {
 public:
  // Rejected: the pool said no (invalid_grant: a used or expired code, a revoked or expired refresh token).
  // Unavailable: no answer, a 5xx, or an answer we cannot read; trying later may work.
  enum class Kind { Rejected, Unavailable };
  TokenEndpointError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  [[nodiscard]] Kind kind() const noexcept { return kind_; }

 private:
  Kind kind_;
};

struct TokenEndpointOptions {
  std::string token_url;   // https://<domain>/oauth2/token
  std::string revoke_url;  // https://<domain>/oauth2/revoke
  std::string client_id;
  std::string client_secret;
};

class TokenEndpoint {
 public:
  TokenEndpoint(TokenEndpointOptions options, HttpSend send);

  // grant_type=authorization_code. The answer must have all three tokens.
  [[nodiscard]] TokenSet redeem_code(const std::string& code, const std::string& redirect_uri,
                                     const std::string& code_verifier) const;
  // grant_type=refresh_token. The answer must have an id and an access token.
  [[nodiscard]] TokenSet refresh(const std::string& refresh_token) const;
  // Revokes the refresh token and the access tokens issued with it.
  void revoke(const std::string& refresh_token) const;

 private:
  [[nodiscard]] http::Response post(const std::string& url, const std::string& body) const;

  TokenEndpointOptions options_;
  HttpSend send_;
  std::string authorization_;  // the Basic header, computed once
};

}  // namespace heliocloud::web::sign_in
