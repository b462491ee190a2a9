#pragma once
// Unpredictable values for sign-in: state, nonce, PKCE verifier, AES-GCM nonces (OpenSSL's CSPRNG).
#include <cstddef>
#include <string>

namespace heliocloud::web::sign_in {

// `count` random bytes. Throws std::runtime_error when OpenSSL cannot provide them.
[[nodiscard]] std::string random_bytes(std::size_t count);
// base64url of 32 random bytes (256 bits): 43 characters, safe in URLs and cookies.
[[nodiscard]] std::string random_token();

}  // namespace heliocloud::web::sign_in
