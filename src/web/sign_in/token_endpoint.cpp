#include "web/sign_in/token_endpoint.h"

#include <nlohmann/json.hpp>

#include "base/base64.h"
#include "base/percent_encoding.h"
#include "http/client.h"

namespace heliocloud::web::sign_in {
namespace {

using Kind = TokenEndpointError::Kind;

constexpr http::Timeouts kTimeouts{.connect = std::chrono::milliseconds(3000),
                                   .total = std::chrono::milliseconds(10000),
                                   .stall = std::chrono::milliseconds(10000)};

std::string form(std::initializer_list<std::pair<const char*, const std::string*>> fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    out += name;
    out += '=';
    out += base::percent_encode(*value);
  }
  return out;
}

// The "error" of an RFC 6749 §5.2 answer, or empty when the body is not one.
std::string oauth_error(const std::string& body) {
  const auto doc = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (doc.is_object() && doc.contains("error") && doc["error"].is_string())
    return doc["error"].get<std::string>();
  return {};
}

TokenSet read_tokens(const http::Response& response, bool need_refresh_token) {
  const auto doc = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object())
    throw TokenEndpointError(Kind::Unavailable, "the token endpoint's answer is not JSON");
  TokenSet out;
  const auto take = [&](const char* name, std::string& to) {
    if (doc.contains(name) && doc[name].is_string()) to = doc[name].get<std::string>();
  };
  take("id_token", out.id_token);
  take("access_token", out.access_token);
  take("refresh_token", out.refresh_token);
  if (doc.contains("expires_in") && doc["expires_in"].is_number_integer())
    out.expires_in = std::chrono::seconds{doc["expires_in"].get<std::int64_t>()};
  if (out.id_token.empty() || out.access_token.empty() || (need_refresh_token && out.refresh_token.empty()))
    throw TokenEndpointError(Kind::Unavailable,
                             "the token endpoint's answer lacks a token (is the openid scope allowed?)");
  return out;
}

void check_status(const http::Response& response, const char* what) {
  if (response.status == 200) return;
  const std::string code = oauth_error(response.body);
  // RFC 6749 §5.2: 400 (or 401 for invalid_client) with an error code is a refusal, not an outage.
  if ((response.status == 400 || response.status == 401) && !code.empty())
    throw TokenEndpointError(Kind::Rejected, std::string(what) + " was refused: " + code);
  throw TokenEndpointError(Kind::Unavailable,
                           std::string(what) + " failed: HTTP " + std::to_string(response.status));
}

}  // namespace

HttpSend default_http_send() {
  auto client = std::make_shared<http::Client>();
  return [client](const http::Request& request) { return client->send(request, kTimeouts); };
}

TokenEndpoint::TokenEndpoint(TokenEndpointOptions options, HttpSend send)
    : options_(std::move(options)), send_(std::move(send)) {
  // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
  authorization_ = "Basic " + base::base64_encode(base::percent_encode(options_.client_id) + ":" +
                                                  base::percent_encode(options_.client_secret));
}

http::Response TokenEndpoint::post(const std::string& url, const std::string& body) const {
  http::Request request;
  request.method = "POST";
  request.url = url;
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                     {"Accept", "application/json"},
                     {"Authorization", authorization_}};
  request.body = body;
  try {
    return send_(request);
  } catch (const std::exception& e) {
    throw TokenEndpointError(Kind::Unavailable,
                             std::string("the sign-in service cannot be reached: ") + e.what());
  }
}

TokenSet TokenEndpoint::redeem_code(const std::string& code, const std::string& redirect_uri,
                                    const std::string& code_verifier) const {
  const std::string grant = "authorization_code";
  const auto response = post(options_.token_url, form({{"grant_type", &grant},
                                                       {"client_id", &options_.client_id},
                                                       {"code", &code},
                                                       {"redirect_uri", &redirect_uri},
                                                       {"code_verifier", &code_verifier}}));
  check_status(response, "redeeming the authorization code");
  return read_tokens(response, true);
}

TokenSet TokenEndpoint::refresh(const std::string& refresh_token) const {
  const std::string grant = "refresh_token";
  const auto response = post(
      options_.token_url,
      form({{"grant_type", &grant}, {"client_id", &options_.client_id}, {"refresh_token", &refresh_token}}));
  check_status(response, "refreshing the session");
  return read_tokens(response, false);
}

void TokenEndpoint::revoke(const std::string& refresh_token) const {
  const auto response =
      post(options_.revoke_url, form({{"token", &refresh_token}, {"client_id", &options_.client_id}}));
  check_status(response, "revoking the refresh token");
}

}  // namespace heliocloud::web::sign_in
