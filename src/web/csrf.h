#pragma once
// CSRF protection for every POST: a signed double-submit token (OWASP CSRF cheat sheet, "Signed Double-Submit
// Cookie"). Each browser session gets a random 256-bit session id in an HttpOnly cookie; the token that
// forms carry is HMAC-SHA256(key, session id), so
//  - a cross-site page cannot read the cookie or the token (same-origin policy), and cannot make one: it
//    would need the key;
//  - a token from another session does not match this session's id;
//  - no server-side state: any Lambda instance with the same key checks any token.
// The comparison is constant-time, so a guess learns nothing from timing.
#include <optional>
#include <string>
#include <string_view>

namespace heliocloud::web {

class CsrfProtection {
 public:
  // `key`: at least 32 bytes of secret randomness, the same for every instance of the app (a Secrets
  // Manager value deployed, random_key() for a local run). Throws std::invalid_argument when shorter.
  explicit CsrfProtection(std::string key);

  // A fresh session id for the cookie (base64url of 32 random bytes).
  [[nodiscard]] static std::string new_session_id();
  // True when `value` has the shape of a session id (a cookie the browser sent might be anything).
  [[nodiscard]] static bool is_session_id(std::string_view value) noexcept;

  [[nodiscard]] std::string token_for(std::string_view session_id) const;
  // Constant-time check of a submitted token against the session's.
  [[nodiscard]] bool verify(std::string_view session_id, std::string_view token) const;

 private:
  std::string key_;
};

// 32 random bytes from the OS CSPRNG (via OpenSSL), for keys of a single-process app.
[[nodiscard]] std::string random_key();
// `count` random bytes as lower-case hex (request ids).
[[nodiscard]] std::string random_hex(std::size_t count);

}  // namespace heliocloud::web
