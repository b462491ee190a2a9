#pragma once
// Tokens for the verifier tests: a test pool (issuer, client, RSA key made by tests/support, not by the code
// under test), valid Cognito-shaped claims to start from, and a clock the test moves.
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "base/base64.h"
#include "oidc_test_key.h"
#include "web/sign_in/clock.h"
#include "web/sign_in/jwks.h"
#include "web/sign_in/token_verifier.h"

namespace heliocloud::web::sign_in::testing {

inline constexpr const char* kIssuer = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool";
inline constexpr const char* kClientId = "test-client-id";
inline constexpr std::int64_t kStart = 1'800'000'000;  // the test clock's epoch seconds at start

// A clock that stands still until the test moves it.
struct TestClock {
  std::shared_ptr<std::int64_t> seconds = std::make_shared<std::int64_t>(kStart);
  [[nodiscard]] Clock clock() const {
    return [s = seconds] { return std::chrono::system_clock::time_point{std::chrono::seconds{*s}}; };
  }
  void advance(std::int64_t by) const { *seconds += by; }
  [[nodiscard]] std::int64_t now() const { return *seconds; }
};

inline nlohmann::json id_claims(std::int64_t now) {
  return {{"sub", "user-sub-1"},
          {"aud", kClientId},
          {"iss", kIssuer},
          {"token_use", "id"},
          {"iat", now},
          {"auth_time", now},
          {"exp", now + 3600},
          {"cognito:username", "ada"},
          {"email", "ada@example.org"},
          {"cognito:groups", {"scientists", "admins"}},
          {"nonce", "the-nonce"}};
}

inline nlohmann::json access_claims(std::int64_t now) {
  return {{"sub", "user-sub-1"}, {"client_id", kClientId}, {"iss", kIssuer},    {"token_use", "access"},
          {"iat", now},          {"exp", now + 3600},      {"username", "ada"}, {"scope", "openid email"}};
}

// One pool: its key, a JWKS fetch that counts, and a verifier over them.
struct TestPool {
  TestClock time;
  std::shared_ptr<heliocloud::testing::TestSigningKey> key =
      std::make_shared<heliocloud::testing::TestSigningKey>("key-1");
  // What the JWKS endpoint serves; tests replace it to rotate keys.
  std::shared_ptr<nlohmann::json> jwks =
      std::make_shared<nlohmann::json>(nlohmann::json{{"keys", {key->jwk()}}});
  std::shared_ptr<int> fetches = std::make_shared<int>(0);
  KeySet keys{[j = jwks, f = fetches] {
                ++*f;
                return j->dump();
              },
              time.clock()};
  TokenVerifier verifier{
      {.issuer = kIssuer, .client_id = kClientId, .leeway = std::chrono::seconds{60}}, keys, time.clock()};

  [[nodiscard]] std::string sign(const nlohmann::json& claims) const {
    return heliocloud::testing::sign_jwt(claims, *key);
  }
};

// A token with any header and signature bytes (for alg none, HS256, tampering).
inline std::string raw_token(const nlohmann::json& header, const nlohmann::json& claims,
                             std::string_view signature) {
  return heliocloud::testing::jwt_signing_input(header, claims) + "." + base::base64url_encode(signature);
}

}  // namespace heliocloud::web::sign_in::testing
