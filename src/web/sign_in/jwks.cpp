#include "web/sign_in/jwks.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "web/sign_in/token_error.h"

namespace heliocloud::web::sign_in {
namespace {

std::string string_member(const nlohmann::json& key, const char* name) {
  const auto it = key.find(name);
  return it != key.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

KeysById parse_jwks(std::string_view json) {
  const auto doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("keys") || !doc["keys"].is_array())
    throw std::runtime_error("not a JWKS document (a JSON object with a \"keys\" array)");
  KeysById keys;
  for (const auto& key : doc["keys"]) {
    if (!key.is_object() || string_member(key, "kty") != "RSA") continue;
    const std::string kid = string_member(key, "kid");
    const std::string use = string_member(key, "use");
    const std::string alg = string_member(key, "alg");
    if (kid.empty() || (!use.empty() && use != "sig") || (!alg.empty() && alg != "RS256")) continue;
    try {
      keys.insert_or_assign(kid, RsaPublicKey::from_jwk(string_member(key, "n"), string_member(key, "e")));
    } catch (const std::invalid_argument& e) {
      throw std::runtime_error("JWKS key '" + kid + "': " + e.what());
    }
  }
  if (keys.empty()) throw std::runtime_error("the JWKS has no RS256 signing key");
  return keys;
}

KeySet::KeySet(Fetch fetch, Clock clock, std::chrono::seconds min_refetch_interval)
    : fetch_(std::move(fetch)), clock_(std::move(clock)), min_refetch_interval_(min_refetch_interval) {}

void KeySet::refresh_locked() {
  fetched_ = true;
  last_fetch_ = clock_();
  ++fetch_count_;
  try {
    keys_ = parse_jwks(fetch_());
  } catch (const std::exception& e) {
    // The keys we had stay: a failed refetch must not sign out everyone whose tokens they still verify.
    if (keys_.empty())
      throw TokenError(TokenProblem::KeysUnavailable,
                       std::string("the signing keys are unavailable: ") + e.what());
  }
}

RsaPublicKey KeySet::find(std::string_view kid) {
  std::scoped_lock lock(mu_);
  const auto now = clock_();
  const bool may_fetch = !fetched_ || now - last_fetch_ >= min_refetch_interval_;
  if (keys_.empty()) {
    // After a failed first fetch, the next try waits for the interval too.
    if (!may_fetch) throw TokenError(TokenProblem::KeysUnavailable, "the signing keys are unavailable");
    refresh_locked();
  } else if (!keys_.contains(kid) && may_fetch) {
    refresh_locked();
  }
  if (const auto it = keys_.find(kid); it != keys_.end()) return it->second;
  throw TokenError(TokenProblem::UnknownKey, "the token's key id is not one of the pool's signing keys");
}

int KeySet::fetch_count() const {
  std::scoped_lock lock(mu_);
  return fetch_count_;
}

}  // namespace heliocloud::web::sign_in
