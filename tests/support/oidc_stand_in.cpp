#include "oidc_stand_in.h"

#include <httplib.h>
#include <openssl/rand.h>

#include <algorithm>
#include <stdexcept>

#include "base/base64.h"
#include "base/digest.h"
#include "base/percent_encoding.h"
#include "base/text.h"

namespace heliocloud::testing {
namespace {

constexpr std::int64_t kCodeLifetime = 300;

std::string random_text(std::size_t bytes_count = 24) {
  std::string bytes(bytes_count, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(bytes.size())) != 1)
    throw std::runtime_error("RAND_bytes failed");
  return base::base64url_encode(bytes);
}

// An application/x-www-form-urlencoded body; the last value of a repeated name wins.
std::map<std::string, std::string> parse_form(const std::string& body) {
  std::map<std::string, std::string> out;
  for (const auto piece : base::split(body, '&')) {
    if (piece.empty()) continue;
    const auto eq = piece.find('=');
    const auto name = piece.substr(0, eq);
    const auto value = eq == std::string_view::npos ? std::string_view() : piece.substr(eq + 1);
    out[base::percent_decode(name, true)] = base::percent_decode(value, true);
  }
  return out;
}

std::string field(const std::map<std::string, std::string>& form, const std::string& name) {
  const auto it = form.find(name);
  return it == form.end() ? std::string() : it->second;
}

void json_answer(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(), "application/json");
}

void oauth_error(httplib::Response& res, int status, const std::string& error, const std::string& why) {
  json_answer(res, status, {{"error", error}, {"error_description", why}});
}

bool listed(const std::vector<std::string>& list, const std::string& value) {
  return std::ranges::find(list, value) != list.end();
}

bool has_scope(const std::string& scopes, std::string_view wanted) {
  for (const auto s : base::split(scopes, ' ')) {
    if (s == wanted) return true;
  }
  return false;
}

}  // namespace

OidcStandIn::OidcStandIn(OidcStandInOptions options)
    : options_(std::move(options)), server_(std::make_unique<httplib::Server>()) {
  if (!options_.clock) options_.clock = [] { return std::chrono::system_clock::now(); };
  keys_.push_back(std::make_unique<TestSigningKey>("stand-in-key-1"));
}

OidcStandIn::~OidcStandIn() {
  stop();
}

std::int64_t OidcStandIn::now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(options_.clock().time_since_epoch()).count();
}

std::string OidcStandIn::url() const {
  return "http://" + options_.host + ":" + std::to_string(port_);
}

int OidcStandIn::start() {
  server_->Get("/oauth2/authorize",
               [this](const httplib::Request& req, httplib::Response& res) { authorize(req, res); });
  server_->Post("/oauth2/token",
                [this](const httplib::Request& req, httplib::Response& res) { token(req, res); });
  server_->Post("/oauth2/revoke",
                [this](const httplib::Request& req, httplib::Response& res) { revoke(req, res); });
  server_->Get("/logout", [this](const httplib::Request& req, httplib::Response& res) { logout(req, res); });
  server_->Get("/.well-known/jwks.json", [this](const httplib::Request&, httplib::Response& res) {
    ++jwks_requests_;
    nlohmann::json keys = nlohmann::json::array();
    {
      std::scoped_lock lock(mu_);
      for (const auto& key : keys_) keys.push_back(key->jwk());
    }
    json_answer(res, 200, {{"keys", keys}});
  });
  server_->Get("/.well-known/openid-configuration", [this](const httplib::Request&, httplib::Response& res) {
    const std::string base = url();
    json_answer(res, 200,
                {{"issuer", base},
                 {"authorization_endpoint", base + "/oauth2/authorize"},
                 {"token_endpoint", base + "/oauth2/token"},
                 {"revocation_endpoint", base + "/oauth2/revoke"},
                 {"end_session_endpoint", base + "/logout"},
                 {"jwks_uri", base + "/.well-known/jwks.json"},
                 {"response_types_supported", {"code"}},
                 {"grant_types_supported", {"authorization_code", "refresh_token"}},
                 {"code_challenge_methods_supported", {"S256"}},
                 {"id_token_signing_alg_values_supported", {"RS256"}},
                 {"token_endpoint_auth_methods_supported", {"client_secret_basic"}},
                 {"subject_types_supported", {"public"}},
                 {"scopes_supported", {"openid", "email", "profile"}}});
  });
  port_ = options_.port == 0 ? server_->bind_to_any_port(options_.host)
                             : (server_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port_ <= 0) throw std::runtime_error("the OIDC stand-in cannot bind " + options_.host);
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return port_;
}

void OidcStandIn::stop() {
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
}

void OidcStandIn::rotate_key() {
  std::scoped_lock lock(mu_);
  keys_.push_back(std::make_unique<TestSigningKey>("stand-in-key-" + std::to_string(keys_.size() + 1)));
}

void OidcStandIn::allow_redirect_uri(const std::string& uri) {
  std::scoped_lock lock(mu_);
  options_.redirect_uris.push_back(uri);
}

void OidcStandIn::allow_logout_uri(const std::string& uri) {
  std::scoped_lock lock(mu_);
  options_.logout_uris.push_back(uri);
}

void OidcStandIn::revoke_all_refresh_tokens() {
  std::scoped_lock lock(mu_);
  for (auto& [token, refresh] : refresh_tokens_) refresh.revoked = true;
}

bool OidcStandIn::revoked(const std::string& refresh_token) const {
  std::scoped_lock lock(mu_);
  const auto it = refresh_tokens_.find(refresh_token);
  return it != refresh_tokens_.end() && it->second.revoked;
}

std::vector<std::string> OidcStandIn::issued_refresh_tokens() const {
  std::scoped_lock lock(mu_);
  return refresh_order_;
}

void OidcStandIn::authorize(const httplib::Request& req, httplib::Response& res) {
  const auto param = [&](const char* name) { return req.get_param_value(name); };
  const std::string redirect_uri = param("redirect_uri");
  {
    std::scoped_lock lock(mu_);
    // Without a known client and redirect URI there is nowhere safe to send an error: show it (RFC 6749
    // §4.1.2.1).
    if (param("client_id") != options_.client_id || !listed(options_.redirect_uris, redirect_uri)) {
      res.status = 400;
      res.set_content("unknown client_id or redirect_uri", "text/plain");
      return;
    }
  }
  const std::string state = param("state");
  const auto back = [&](const std::string& query) {
    res.set_redirect(
        redirect_uri + "?" + query + (state.empty() ? "" : "&state=" + base::percent_encode(state)), 302);
  };
  const std::string scope = param("scope");
  if (param("response_type") != "code") {
    back("error=unsupported_response_type");
    return;
  }
  if (param("code_challenge_method") != "S256" || param("code_challenge").size() != 43) {
    back("error=invalid_request&error_description=PKCE%20S256%20required");
    return;
  }
  if (!has_scope(scope, "openid")) {
    back("error=invalid_scope");
    return;
  }
  const std::string code = random_text();
  {
    std::scoped_lock lock(mu_);
    codes_[code] = {.redirect_uri = redirect_uri,
                    .challenge = param("code_challenge"),
                    .nonce = param("nonce"),
                    .scope = scope,
                    .expires_at = now() + kCodeLifetime};
  }
  back("code=" + code);
}

bool OidcStandIn::client_authenticated(const httplib::Request& req) const {
  const std::string header = req.get_header_value("Authorization");
  if (!header.starts_with("Basic ")) return false;
  const auto decoded = base::base64_decode(std::string_view(header).substr(6));
  if (!decoded) return false;
  const auto colon = decoded->find(':');
  if (colon == std::string::npos) return false;
  return base::percent_decode(decoded->substr(0, colon), true) == options_.client_id &&
         base::percent_decode(decoded->substr(colon + 1), true) == options_.client_secret;
}

nlohmann::json OidcStandIn::tokens(const std::string& scope, const std::string& nonce, bool with_refresh) {
  const std::int64_t t = now();
  const auto& user = options_.user;
  nlohmann::json id = {{"sub", user.sub},
                       {"aud", options_.client_id},
                       {"iss", url()},
                       {"token_use", "id"},
                       {"cognito:username", user.username},
                       {"email", user.email},
                       {"email_verified", true},
                       {"auth_time", t},
                       {"iat", t},
                       {"exp", t + options_.token_lifetime.count()},
                       {"jti", random_text()}};
  nlohmann::json access = {{"sub", user.sub},
                           {"client_id", options_.client_id},
                           {"iss", url()},
                           {"token_use", "access"},
                           {"scope", scope},
                           {"username", user.username},
                           {"auth_time", t},
                           {"iat", t},
                           {"exp", t + options_.token_lifetime.count()},
                           {"jti", random_text()}};
  if (!nonce.empty()) id["nonce"] = nonce;
  if (!user.groups.empty()) {
    id["cognito:groups"] = user.groups;
    access["cognito:groups"] = user.groups;
  }
  const TestSigningKey& key = *keys_.back();
  nlohmann::json out = {{"id_token", sign_jwt(id, key)},
                        {"access_token", sign_jwt(access, key)},
                        {"token_type", "Bearer"},
                        {"expires_in", options_.token_lifetime.count()}};
  if (with_refresh) {
    // Opaque, but as long as Cognito's (an encrypted JWT of about 1.7 KB), so that sessions need as many
    // cookies as real ones.
    const std::string refresh = random_text(1300);
    refresh_tokens_[refresh] = {.scope = scope};
    refresh_order_.push_back(refresh);
    out["refresh_token"] = refresh;
  }
  return out;
}

void OidcStandIn::token(const httplib::Request& req, httplib::Response& res) {
  ++token_requests_;
  if (!client_authenticated(req)) {
    res.set_header("WWW-Authenticate", "Basic");
    oauth_error(res, 401, "invalid_client", "client authentication failed");
    return;
  }
  if (!req.get_header_value("Content-Type").starts_with("application/x-www-form-urlencoded")) {
    oauth_error(res, 400, "invalid_request", "the body must be application/x-www-form-urlencoded");
    return;
  }
  const auto form = parse_form(req.body);
  const std::string grant = field(form, "grant_type");
  if (form.contains("client_id") && field(form, "client_id") != options_.client_id) {
    oauth_error(res, 400, "invalid_client", "client_id does not match the authenticated client");
    return;
  }
  std::scoped_lock lock(mu_);
  if (grant == "authorization_code") {
    const auto it = codes_.find(field(form, "code"));
    if (it == codes_.end()) {
      oauth_error(res, 400, "invalid_grant", "unknown or used code");
      return;
    }
    const Code code = it->second;
    codes_.erase(it);  // single use, whatever happens next (RFC 6749 §4.1.2)
    if (code.expires_at <= now()) {
      oauth_error(res, 400, "invalid_grant", "the code has expired");
      return;
    }
    if (field(form, "redirect_uri") != code.redirect_uri) {
      oauth_error(res, 400, "invalid_grant", "redirect_uri does not match the authorization request");
      return;
    }
    const std::string verifier = field(form, "code_verifier");
    if (verifier.empty() || base::base64url_encode(base::sha256(verifier)) != code.challenge) {
      oauth_error(res, 400, "invalid_grant", "the PKCE code_verifier does not match the challenge");
      return;
    }
    json_answer(res, 200, tokens(code.scope, code.nonce, true));
    return;
  }
  if (grant == "refresh_token") {
    const auto it = refresh_tokens_.find(field(form, "refresh_token"));
    if (it == refresh_tokens_.end() || it->second.revoked) {
      oauth_error(res, 400, "invalid_grant", "unknown or revoked refresh token");
      return;
    }
    ++refresh_grants_;
    // Like Cognito without rotation: new id and access tokens, the same refresh token.
    json_answer(res, 200, tokens(it->second.scope, "", false));
    return;
  }
  oauth_error(res, 400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
}

void OidcStandIn::revoke(const httplib::Request& req, httplib::Response& res) {
  if (!client_authenticated(req)) {
    oauth_error(res, 401, "invalid_client", "client authentication failed");
    return;
  }
  const auto form = parse_form(req.body);
  std::scoped_lock lock(mu_);
  if (const auto it = refresh_tokens_.find(field(form, "token")); it != refresh_tokens_.end())
    it->second.revoked = true;
  // RFC 7009 §2.2: 200 for an unknown token too.
  res.status = 200;
}

void OidcStandIn::logout(const httplib::Request& req, httplib::Response& res) {
  const std::string logout_uri = req.get_param_value("logout_uri");
  std::scoped_lock lock(mu_);
  if (req.get_param_value("client_id") != options_.client_id || !listed(options_.logout_uris, logout_uri)) {
    res.status = 400;
    res.set_content("unknown client_id or logout_uri", "text/plain");
    return;
  }
  ++logouts_;
  res.set_redirect(logout_uri, 302);
}

}  // namespace heliocloud::testing
