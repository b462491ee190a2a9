#pragma once
// An RSA key made at start for the OIDC stand-in and the token-verification tests: it signs JWTs with RS256
// (RSASSA-PKCS1-v1_5 + SHA-256) and publishes itself as a JWK. Written separately from the verifier in
// src/web/sign_in, on purpose: a test that signs with the code it checks would prove nothing.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

struct evp_pkey_st;

namespace heliocloud::testing {

class TestSigningKey {
 public:
  // Generates a fresh key (2048 bits: what Cognito uses, and the minimum the verifier accepts).
  explicit TestSigningKey(std::string kid, int bits = 2048);

  [[nodiscard]] const std::string& kid() const noexcept { return kid_; }
  // {"kty":"RSA","alg":"RS256","use":"sig","kid":...,"n":...,"e":...}
  [[nodiscard]] nlohmann::json jwk() const;
  // The raw RS256 signature of `message`.
  [[nodiscard]] std::string sign(std::string_view message) const;
  // The public key as PEM (SubjectPublicKeyInfo): the "secret" of the HS256 algorithm-confusion attack.
  [[nodiscard]] std::string public_pem() const;

 private:
  struct Free {
    void operator()(evp_pkey_st* key) const noexcept;
  };
  std::string kid_;
  std::shared_ptr<evp_pkey_st> key_;
};

// base64url(header) + "." + base64url(claims): what a JWS signature covers.
[[nodiscard]] std::string jwt_signing_input(const nlohmann::json& header, const nlohmann::json& claims);
// A compact JWT: {"alg":"RS256","typ":"JWT","kid":key.kid()} over `claims`, signed by `key`.
[[nodiscard]] std::string sign_jwt(const nlohmann::json& claims, const TestSigningKey& key);

}  // namespace heliocloud::testing
