#pragma once
// Why a token was refused. The kinds let callers act (an expired token is refreshed, anything else signs the
// user out) and tests assert the exact reason; the message is safe to show and to log: it never contains the
// token or its signature.
#include <stdexcept>
#include <string>

namespace heliocloud::web::sign_in {

enum class TokenProblem {
  Malformed,             // not three base64url parts of JSON objects, or a claim of the wrong type
  UnsupportedAlgorithm,  // alg is not RS256 (none, HS256, ...), or a critical header we do not know
  UnknownKey,            // no key with that kid in the pool's JWKS, even after fetching it again
  KeysUnavailable,       // the JWKS could not be fetched or read
  BadSignature,
  WrongIssuer,
  WrongAudience,  // aud (id token) or client_id (access token) is not our client
  WrongTokenUse,  // an access token where an id token belongs, or the reverse
  Expired,
  NotYetValid,  // nbf in the future, or iat further in the future than the leeway
  NonceMismatch,
};

class TokenError : public std::runtime_error {
 public:
  TokenError(TokenProblem problem, const std::string& message)
      : std::runtime_error(message), problem_(problem) {}
  [[nodiscard]] TokenProblem problem() const noexcept { return problem_; }

 private:
  TokenProblem problem_;
};

}  // namespace heliocloud::web::sign_in
