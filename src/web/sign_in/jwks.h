#pragma once
// The user pool's signing keys (JWKS, RFC 7517 §5) and a cache of them. Tokens name their key by `kid`, so
// keys are looked up by it (the original took keys[1] by position, webapps doc §A2.3). When a pool rotates
// its keys, a token arrives with a kid we have not seen: the cache fetches the JWKS again, but at most once
// per `min_refetch_interval`, so a stream of made-up kids cannot turn every request into a fetch.
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "web/sign_in/clock.h"
#include "web/sign_in/rsa_public_key.h"

namespace heliocloud::web::sign_in {

using KeysById = std::map<std::string, RsaPublicKey, std::less<>>;

// The RS256 signing keys of a JWKS document: members with kty "RSA", a kid, and (when present) use "sig" and
// alg "RS256"; other keys are skipped. Throws std::runtime_error when the text is not a JWKS, a usable
// key is malformed, or there is no usable key at all.
[[nodiscard]] KeysById parse_jwks(std::string_view json);

class KeySet {
 public:
  // Returns the JWKS document; throws (any std::exception) when it cannot.
  using Fetch = std::function<std::string()>;

  KeySet(Fetch fetch, Clock clock, std::chrono::seconds min_refetch_interval = std::chrono::seconds{60});

  // The key named `kid`. Fetches the JWKS the first time, and again for an unknown kid when the last fetch
  // is older than the interval. Throws TokenError(UnknownKey) or TokenError(KeysUnavailable). Thread-safe.
  [[nodiscard]] RsaPublicKey find(std::string_view kid);

  // How many fetches were attempted (for tests and diagnostics).
  [[nodiscard]] int fetch_count() const;

 private:
  void refresh_locked();

  Fetch fetch_;
  Clock clock_;
  std::chrono::seconds min_refetch_interval_;
  mutable std::mutex mu_;
  KeysById keys_;
  bool fetched_ = false;  // a fetch was attempted (successful or not)
  std::chrono::system_clock::time_point last_fetch_;
  int fetch_count_ = 0;
};

}  // namespace heliocloud::web::sign_in
