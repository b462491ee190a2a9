#pragma once
// Proof Key for Code Exchange (RFC 7636) with the S256 method: the authorization request carries
// challenge = base64url(SHA-256(verifier)), and only the holder of the verifier (our pre-login cookie) can
// redeem the code, so a code that leaks through a log or a Referer is useless to whoever finds it.
#include <string>
#include <string_view>

namespace heliocloud::web::sign_in {

// 43 characters of base64url from 32 random bytes (RFC 7636 §4.1 recommends exactly this).
[[nodiscard]] std::string new_code_verifier();
// base64url(SHA-256(ASCII(verifier))) without padding (§4.2).
[[nodiscard]] std::string code_challenge_s256(std::string_view verifier);

}  // namespace heliocloud::web::sign_in
