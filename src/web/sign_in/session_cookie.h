#pragma once
// The signed-in session as the browser keeps it: the three Cognito tokens in a sealed (AES-256-GCM,
// sealed_box.h), chunked (chunked_cookie.h) cookie: HttpOnly, Secure, SameSite=Lax, Path=/, living as long
// as the refresh token. Why a cookie and not a server-side store: the app runs as Lambda functions behind an
// ALB with no shared memory and no table of its own; a sealed cookie keeps it stateless, and nobody without
// the app's secret can read or forge it. What it cannot do is revoke a copied cookie before it expires;
// sign-out therefore also revokes the refresh token at Cognito, after which the copy dies with its access
// token (one hour at most).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "web/cookies.h"
#include "web/params.h"
#include "web/sign_in/sealed_box.h"

namespace heliocloud::web::sign_in {

struct SessionTokens {
  std::string id_token;
  std::string access_token;
  std::string refresh_token;
  std::int64_t expires_at = 0;  // Unix seconds: the refresh token's end, after which the session is over

  friend bool operator==(const SessionTokens&, const SessionTokens&) = default;
};

class SessionCookie {
 public:
  SessionCookie(std::string_view secret, std::string name);

  // The cookies that store `tokens` (Max-Age until expires_at), plus expiring cookies for pieces of a longer
  // earlier value that `request_cookies` still carries.
  [[nodiscard]] std::vector<SetCookie> write(const SessionTokens& tokens, std::int64_t now,
                                             const Params& request_cookies) const;
  // The session, or nullopt when absent, tampered with, sealed with another key, or past expires_at.
  [[nodiscard]] std::optional<SessionTokens> read(const Params& request_cookies, std::int64_t now) const;
  // Expiring cookies for every piece.
  [[nodiscard]] std::vector<SetCookie> clear(const Params& request_cookies) const;

  [[nodiscard]] const std::string& name() const noexcept { return name_; }

 private:
  SealedBox box_;
  std::string name_;
};

}  // namespace heliocloud::web::sign_in
