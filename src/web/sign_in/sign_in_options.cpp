#include "web/sign_in/sign_in_options.h"

#include <stdexcept>

namespace heliocloud::web::sign_in {
namespace {

void require(bool ok, const std::string& message) {
  if (!ok) throw std::invalid_argument("sign-in: " + message);
}

// The hosts a plain-http URL may name: this machine only (the local server's own test is in the local
// front door's library, which a Lambda binary does not link).
bool is_loopback_host(std::string_view host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

// https://host[:port][/path], or http:// to a loopback host (the stand-in, a local run). No query, no
// fragment, no user info: each of those would change where the browser or the code goes.
void check_url(const char* name, const std::string& url) {
  require(!url.empty(), std::string(name) + " is required");
  const bool https = url.starts_with("https://");
  const bool http = url.starts_with("http://");
  require(https || http, std::string(name) + " must be an https:// URL: " + url);
  const auto rest = std::string_view(url).substr(https ? 8 : 7);
  const auto authority = rest.substr(0, rest.find('/'));
  require(!authority.empty(), std::string(name) + " has no host: " + url);
  require(url.find_first_of("?#@ \t\r\n") == std::string::npos,
          std::string(name) + " must not have a query, fragment, user info or white space: " + url);
  if (http) {
    std::string host(authority);
    if (host.starts_with('[')) {
      host = host.substr(1, host.find(']') - 1);
    } else {
      host = host.substr(0, host.find(':'));
    }
    require(is_loopback_host(host),
            std::string(name) + " must be https (plain http only to a loopback host): " + url);
  }
}

void check_path(const char* name, const std::string& path) {
  require(path.starts_with('/') && !path.starts_with("//"),
          std::string(name) + " must be a path starting with '/'");
}

}  // namespace

void validate(const SignInOptions& options) {
  check_url("issuer", options.issuer);
  check_url("domain", options.domain);
  check_url("redirect_uri", options.redirect_uri);
  check_url("logout_uri", options.logout_uri);
  if (!options.jwks_uri.empty()) check_url("jwks_uri", options.jwks_uri);
  require(!options.client_id.empty(), "client_id is required");
  require(!options.client_secret.empty(),
          "client_secret is required (read it at start from Secrets Manager)");
  require(options.secret_key.size() >= 32, "secret_key must be at least 32 bytes");
  bool openid = false;
  for (const auto& scope : options.scopes) {
    require(!scope.empty() && scope.find_first_of(" \t\r\n") == std::string::npos,
            "a scope is empty or has white space");
    openid = openid || scope == "openid";
  }
  require(openid, "scopes must include openid");
  check_path("sign_in_path", options.sign_in_path);
  check_path("logout_path", options.logout_path);
  check_path("after_sign_in", options.after_sign_in);
  require(!options.cookie_prefix.empty() &&
              options.cookie_prefix.find_first_not_of(
                  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == std::string::npos,
          "cookie_prefix must be letters, digits, '_' or '-'");
  require(options.leeway.count() >= 0 && options.leeway.count() <= 300, "leeway must be 0 to 300 seconds");
  require(options.session_lifetime.count() > 0, "session_lifetime must be positive");
  require(options.refresh_margin.count() >= 0, "refresh_margin must not be negative");
}

}  // namespace heliocloud::web::sign_in
