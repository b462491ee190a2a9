#pragma once
// A JSON Web Token in compact serialization (RFC 7519, RFC 7515 §7.1): header.payload.signature, each
// base64url without padding. Parsing only checks the shape; trust comes from TokenVerifier.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace heliocloud::web::sign_in {

struct Jwt {
  nlohmann::json header;      // a JSON object
  nlohmann::json claims;      // a JSON object
  std::string signing_input;  // "header.payload" exactly as received: what the signature covers
  std::string signature;      // raw bytes
};

// Longer tokens are refused before any decoding (Cognito's are 1-2 KB; a cookie holds 4 KB).
inline constexpr std::size_t kMaxTokenBytes = 16UL * 1024;

// Throws TokenError(Malformed) for anything but three strict-base64url parts whose first two are JSON
// objects (a five-part JWE, padding, white space, a JSON array or string payload, duplicate keys are
// refused, the last so that two readers cannot disagree on a claim).
[[nodiscard]] Jwt parse_jwt(std::string_view token);

}  // namespace heliocloud::web::sign_in
