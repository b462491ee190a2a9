#pragma once
// Authenticated encryption for values the browser keeps for us (the session's tokens, the pre-login
// state): AES-256-GCM, so the browser can neither read them (the tokens never sit readable in a cookie)
// nor change them undetected. The key is HKDF-SHA256 (RFC 5869) of the app's secret with a purpose label,
// so that each kind of value has its own key and one cannot be passed off as another. Every seal draws a
// fresh random 96-bit nonce; with at most one seal per sign-in or refresh, a key stays far below GCM's
// limit of 2^32 random nonces (NIST SP 800-38D §8.3).
//
// Sealed text: base64url( version 0x01 | nonce (12) | ciphertext | tag (16) ), cookie-safe as it is.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace heliocloud::web::sign_in {

class SealedBox {
 public:
  // `secret`: at least 32 bytes of secret randomness, the same on every instance. Throws
  // std::invalid_argument when shorter.
  SealedBox(std::string_view secret, std::string_view purpose);
  ~SealedBox();
  SealedBox(const SealedBox&) = default;
  SealedBox& operator=(const SealedBox&) = default;

  // `context` is authenticated, not encrypted: open() needs the same (e.g. the cookie's name).
  [[nodiscard]] std::string seal(std::string_view plaintext, std::string_view context) const;
  // nullopt for anything seal() did not make with this key and context: tampered, truncated, another key,
  // not base64url. Never throws for bad input.
  [[nodiscard]] std::optional<std::string> open(std::string_view sealed, std::string_view context) const;

 private:
  std::array<unsigned char, 32> key_{};
};

}  // namespace heliocloud::web::sign_in
