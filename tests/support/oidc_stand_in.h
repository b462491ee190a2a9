#pragma once
// A local stand-in for a Cognito user pool's hosted UI and OAuth endpoints (moto has none: its /oauth2/*
// answer 404/500, shared/docs/moto-coverage.md). A cpp-httplib server on 127.0.0.1 (a free port unless told)
// whose URL is both the issuer and the hosted-UI domain:
//   GET  /oauth2/authorize                   auto-approves the configured test user: checks client, redirect
//                                            URI, response_type=code, an S256 code_challenge and the openid
//                                            scope, then redirects back with code + state
//   POST /oauth2/token                       client_secret_basic; authorization_code (redirect URI and PKCE
//                                            verifier checked, codes single-use, 5 min) and refresh_token
//   POST /oauth2/revoke                      revokes a refresh token (RFC 7009)
//   GET  /logout                             checks client_id and logout_uri, redirects there
//   GET  /.well-known/jwks.json, /.well-known/openid-configuration
// Tokens carry Cognito's claims (token_use, cognito:username, cognito:groups, client_id / aud, nonce) and are
// signed RS256 with a key generated at start. Errors follow RFC 6749 §5.2 ({"error": "invalid_grant"}).
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "oidc_test_key.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace heliocloud::testing {

struct OidcTestUser {
  std::string username = "ada";
  std::string email = "ada@example.org";
  std::string sub = "5f0c3a9e-1b2d-4c6e-8a7f-0123456789ab";
  std::vector<std::string> groups = {"scientists"};
};

struct OidcStandInOptions {
  std::string client_id = "stand-in-client";
  std::string client_secret = "stand-in-secret";
  std::vector<std::string> redirect_uris;  // the callback URLs the client may use
  std::vector<std::string> logout_uris;    // where /logout may send the browser
  OidcTestUser user;
  std::chrono::seconds token_lifetime{3600};  // id and access tokens (Cognito's default: one hour)
  std::string host = "127.0.0.1";
  int port = 0;  // 0: a free port
  // The time in the tokens; tests move it together with the app's clock.
  std::function<std::chrono::system_clock::time_point()> clock;
};

class OidcStandIn {
 public:
  explicit OidcStandIn(OidcStandInOptions options);
  ~OidcStandIn();
  OidcStandIn(const OidcStandIn&) = delete;
  OidcStandIn& operator=(const OidcStandIn&) = delete;

  // Binds and serves on a background thread; returns the port. Throws std::runtime_error when it cannot.
  int start();
  void stop();

  // http://127.0.0.1:<port>: the issuer (iss) and the hosted-UI domain.
  [[nodiscard]] std::string url() const;
  [[nodiscard]] const OidcStandInOptions& options() const noexcept { return options_; }

  // Test controls. A new signing key: tokens from now on name its kid; the JWKS lists old and new.
  void rotate_key();
  // Redirect URIs can be added after start (an app's port is known only once it listens).
  void allow_redirect_uri(const std::string& uri);
  void allow_logout_uri(const std::string& uri);
  // Every refresh token issued so far stops working (as when an admin signs the user out everywhere).
  void revoke_all_refresh_tokens();

  // What happened, for assertions.
  [[nodiscard]] int token_requests() const { return token_requests_.load(); }
  [[nodiscard]] int refresh_grants() const { return refresh_grants_.load(); }
  [[nodiscard]] int jwks_requests() const { return jwks_requests_.load(); }
  [[nodiscard]] int logouts() const { return logouts_.load(); }
  [[nodiscard]] bool revoked(const std::string& refresh_token) const;
  [[nodiscard]] std::vector<std::string> issued_refresh_tokens() const;

 private:
  struct Code {
    std::string redirect_uri;
    std::string challenge;
    std::string nonce;
    std::string scope;
    std::int64_t expires_at = 0;
  };
  struct Refresh {
    std::string scope;
    bool revoked = false;
  };

  void authorize(const httplib::Request& req, httplib::Response& res);
  void token(const httplib::Request& req, httplib::Response& res);
  void revoke(const httplib::Request& req, httplib::Response& res);
  void logout(const httplib::Request& req, httplib::Response& res);
  [[nodiscard]] bool client_authenticated(const httplib::Request& req) const;
  [[nodiscard]] nlohmann::json tokens(const std::string& scope, const std::string& nonce, bool with_refresh);
  [[nodiscard]] std::int64_t now() const;

  OidcStandInOptions options_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;

  mutable std::mutex mu_;
  std::vector<std::unique_ptr<TestSigningKey>> keys_;  // the last one signs
  std::map<std::string, Code> codes_;
  std::map<std::string, Refresh> refresh_tokens_;
  std::vector<std::string> refresh_order_;
  std::atomic<int> token_requests_{0};
  std::atomic<int> refresh_grants_{0};
  std::atomic<int> jwks_requests_{0};
  std::atomic<int> logouts_{0};
};

}  // namespace heliocloud::testing
