#pragma once
// What the callback must find again when the browser comes back from the hosted UI: the random `state`
// (CSRF on the callback, RFC 6749 §10.12), the `nonce` the id token must carry (OIDC Core §3.1.2.1), the
// PKCE code verifier, and where the user was going. Sealed in one short-lived cookie (ten minutes, also
// checked inside the sealed value), SameSite=Lax so that the hosted UI's redirect back (a top-level GET)
// still carries it; the verifier is secret, hence sealed, not only signed.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "web/cookies.h"
#include "web/params.h"
#include "web/sign_in/sealed_box.h"

namespace heliocloud::web::sign_in {

struct PreLogin {
  std::string state;
  std::string nonce;
  std::string code_verifier;
  std::string return_to;  // a path on this site ("/instances?x=1")
  std::int64_t expires_at = 0;

  friend bool operator==(const PreLogin&, const PreLogin&) = default;
};

inline constexpr std::chrono::seconds kPreLoginLifetime{600};

// What the callback found, so that its error page can say what went wrong.
enum class PreLoginProblem { None, Missing, Unreadable, Expired };

struct PreLoginRead {
  PreLogin pre_login;  // valid only when problem is None
  PreLoginProblem problem = PreLoginProblem::None;
};

class PreLoginCookie {
 public:
  PreLoginCookie(std::string_view secret, std::string name);

  // A fresh state, nonce and verifier, valid for kPreLoginLifetime from `now`.
  [[nodiscard]] static PreLogin start(std::string return_to, std::int64_t now);

  [[nodiscard]] SetCookie write(const PreLogin& pre_login) const;
  // Missing: no cookie; Unreadable: tampered with, another key, not ours; Expired: older than its lifetime.
  [[nodiscard]] PreLoginRead read(const Params& request_cookies, std::int64_t now) const;
  [[nodiscard]] SetCookie clear() const { return expired_cookie(name_); }

  [[nodiscard]] const std::string& name() const noexcept { return name_; }

 private:
  SealedBox box_;
  std::string name_;
};

}  // namespace heliocloud::web::sign_in
