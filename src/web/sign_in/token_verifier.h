#pragma once
// Checks a Cognito id or access token before anything in it is believed (webapps doc §9, "What it should
// fix" 5). In this order, stopping at the first failure:
//   shape (jwt.h) → alg is exactly RS256 and no unknown "crit" header → the pool's key named by kid
//   (jwks.h) → signature → iss is the pool → token_use is "id" / "access" → aud (id token) or client_id
//   (access token) is our client → exp, nbf, iat against the clock with a small leeway → sub present
//   → nonce (id token at the callback only).
// Only RS256 is accepted, whatever the header says: "none" and HS256 (an HMAC keyed with the public key's
// bytes, the classic algorithm-confusion attack) never reach a verify call.
//
// Why our own ~200 lines over OpenSSL rather than Debian's libcpp-jwt-dev: OpenSSL is already linked, so no
// new dependency; and the algorithm is fixed here, not chosen from a list by the token's own header.
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "web/sign_in/clock.h"
#include "web/sign_in/jwks.h"

namespace heliocloud::web::sign_in {

enum class TokenUse { Id, Access };

struct VerifierOptions {
  // "https://cognito-idp.<region>.amazonaws.com/<pool id>" (the stand-in's URL in tests).
  std::string issuer;
  std::string client_id;
  // Clock skew tolerated on exp, nbf and iat (RFC 7519 §4.1.4 "some small leeway").
  std::chrono::seconds leeway{60};
};

class TokenVerifier {
 public:
  // `keys` must outlive the verifier (it is shared with whoever else checks tokens of the pool).
  TokenVerifier(VerifierOptions options, KeySet& keys, Clock clock);

  // The verified claims. `expected_nonce`: the id token must carry exactly this nonce (at the callback).
  // Throws TokenError naming the first check that failed.
  [[nodiscard]] nlohmann::json verify(std::string_view token, TokenUse use,
                                      const std::optional<std::string>& expected_nonce = std::nullopt) const;

  [[nodiscard]] const VerifierOptions& options() const noexcept { return options_; }

 private:
  void check_times(const nlohmann::json& claims) const;

  VerifierOptions options_;
  KeySet& keys_;
  Clock clock_;
};

}  // namespace heliocloud::web::sign_in
