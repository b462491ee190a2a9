#include "web/sign_in/session_cookie.h"

#include <nlohmann/json.hpp>

#include "web/sign_in/chunked_cookie.h"

namespace heliocloud::web::sign_in {
namespace {

std::optional<SessionTokens> from_json(std::string_view text) {
  const auto doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
  SessionTokens tokens;
  const auto get_string = [&](const char* key, std::string& out) {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_string()) return false;
    out = it->get<std::string>();
    return !out.empty();
  };
  const auto expires = doc.find("exp");
  if (!get_string("id", tokens.id_token) || !get_string("access", tokens.access_token) ||
      !get_string("refresh", tokens.refresh_token) || expires == doc.end() || !expires->is_number_integer())
    return std::nullopt;
  tokens.expires_at = expires->get<std::int64_t>();
  return tokens;
}

}  // namespace

SessionCookie::SessionCookie(std::string_view secret, std::string name)
    : box_(secret, "session"), name_(std::move(name)) {}

std::vector<SetCookie> SessionCookie::write(const SessionTokens& tokens, std::int64_t now,
                                            const Params& request_cookies) const {
  const nlohmann::json doc = {{"id", tokens.id_token},
                              {"access", tokens.access_token},
                              {"refresh", tokens.refresh_token},
                              {"exp", tokens.expires_at}};
  const auto max_age = std::chrono::seconds{std::max<std::int64_t>(0, tokens.expires_at - now)};
  // The cookie's name is authenticated with the value, so a sealed value of another cookie does not open.
  auto out = chunk_cookie(name_, box_.seal(doc.dump(), name_), max_age);
  for (auto& stale : expire_chunked_cookie(request_cookies, name_, out.size()))
    out.push_back(std::move(stale));
  return out;
}

std::optional<SessionTokens> SessionCookie::read(const Params& request_cookies, std::int64_t now) const {
  const auto sealed = read_chunked_cookie(request_cookies, name_);
  if (!sealed) return std::nullopt;
  const auto text = box_.open(*sealed, name_);
  if (!text) return std::nullopt;
  auto tokens = from_json(*text);
  // The browser should have dropped it by now (Max-Age); a copy kept past that is refused here.
  if (!tokens || tokens->expires_at <= now) return std::nullopt;
  return tokens;
}

std::vector<SetCookie> SessionCookie::clear(const Params& request_cookies) const {
  return expire_chunked_cookie(request_cookies, name_);
}

}  // namespace heliocloud::web::sign_in
