#include "web/sign_in/token_verifier.h"

#include <cmath>

#include "web/sign_in/jwt.h"
#include "web/sign_in/token_error.h"

namespace heliocloud::web::sign_in {
namespace {

[[noreturn]] void fail(TokenProblem problem, const std::string& why) {
  throw TokenError(problem, why);
}

// A string member, or nullopt when absent; a member of another type makes the token malformed.
std::optional<std::string> string_claim(const nlohmann::json& object, const char* name) {
  const auto it = object.find(name);
  if (it == object.end()) return std::nullopt;
  if (!it->is_string())
    fail(TokenProblem::Malformed, std::string("malformed token: ") + name + " is not a string");
  return it->get<std::string>();
}

// A NumericDate (RFC 7519 §2): seconds, possibly fractional; nullopt when absent.
std::optional<std::int64_t> date_claim(const nlohmann::json& claims, const char* name) {
  const auto it = claims.find(name);
  if (it == claims.end()) return std::nullopt;
  if (!it->is_number())
    fail(TokenProblem::Malformed, std::string("malformed token: ") + name + " is not a number");
  const double value = it->get<double>();
  // Beyond ±2^53 seconds a double no longer counts seconds exactly, and no real token goes there.
  constexpr double kLimit = 9007199254740992.0;
  if (!std::isfinite(value) || std::fabs(value) > kLimit)
    fail(TokenProblem::Malformed, std::string("malformed token: ") + name + " is out of range");
  return static_cast<std::int64_t>(std::floor(value));
}

}  // namespace

TokenVerifier::TokenVerifier(VerifierOptions options, KeySet& keys, Clock clock)
    : options_(std::move(options)), keys_(keys), clock_(std::move(clock)) {}

void TokenVerifier::check_times(const nlohmann::json& claims) const {
  const std::int64_t now = unix_seconds(clock_());
  const std::int64_t leeway = options_.leeway.count();
  const auto exp = date_claim(claims, "exp");
  const auto iat = date_claim(claims, "iat");
  if (!exp) fail(TokenProblem::Malformed, "malformed token: no exp claim");
  if (!iat) fail(TokenProblem::Malformed, "malformed token: no iat claim");
  // RFC 7519 §4.1.4: the token must not be accepted on or after exp.
  if (now >= *exp + leeway) fail(TokenProblem::Expired, "the token has expired");
  if (const auto nbf = date_claim(claims, "nbf"); nbf && now + leeway < *nbf)
    fail(TokenProblem::NotYetValid, "the token is not valid yet");
  if (*iat > now + leeway) fail(TokenProblem::NotYetValid, "the token was issued in the future");
}

nlohmann::json TokenVerifier::verify(std::string_view token, TokenUse use,
                                     const std::optional<std::string>& expected_nonce) const {
  Jwt jwt = parse_jwt(token);

  if (string_claim(jwt.header, "alg").value_or("") != "RS256")
    fail(TokenProblem::UnsupportedAlgorithm, "the token is not signed with RS256");
  // RFC 7515 §4.1.11: a recipient that does not understand a critical extension must refuse the token.
  if (jwt.header.contains("crit"))
    fail(TokenProblem::UnsupportedAlgorithm, "the token has critical header extensions");
  const auto kid = string_claim(jwt.header, "kid");
  if (!kid) fail(TokenProblem::UnknownKey, "the token names no signing key (kid)");
  if (!keys_.find(*kid).verify_rs256(jwt.signing_input, jwt.signature))
    fail(TokenProblem::BadSignature, "the token's signature is not valid");

  // Signed by the pool: now its claims are worth reading.
  const nlohmann::json& claims = jwt.claims;
  if (string_claim(claims, "iss") != options_.issuer)
    fail(TokenProblem::WrongIssuer, "the token was not issued by this user pool");
  const char* wanted_use = use == TokenUse::Id ? "id" : "access";
  if (string_claim(claims, "token_use") != wanted_use)
    fail(TokenProblem::WrongTokenUse, std::string("not an ") + wanted_use + " token");
  if (use == TokenUse::Id) {
    // aud is a string or an array of strings (RFC 7519 §4.1.3); Cognito sends the client id as a string.
    bool ours = false;
    const auto aud = claims.find("aud");
    if (aud != claims.end() && aud->is_string()) ours = aud->get<std::string>() == options_.client_id;
    if (aud != claims.end() && aud->is_array()) {
      for (const auto& a : *aud) ours = ours || (a.is_string() && a.get<std::string>() == options_.client_id);
    }
    if (!ours) fail(TokenProblem::WrongAudience, "the id token is not meant for this client");
  } else if (string_claim(claims, "client_id") != options_.client_id) {
    fail(TokenProblem::WrongAudience, "the access token was issued to another client");
  }
  check_times(claims);
  if (string_claim(claims, "sub").value_or("").empty())
    fail(TokenProblem::Malformed, "malformed token: no sub claim");
  if (expected_nonce && (use != TokenUse::Id || string_claim(claims, "nonce") != *expected_nonce))
    fail(TokenProblem::NonceMismatch, "the id token's nonce does not match this sign-in");
  return std::move(jwt.claims);
}

}  // namespace heliocloud::web::sign_in
