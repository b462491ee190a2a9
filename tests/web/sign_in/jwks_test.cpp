// Reading a pool's JWKS: RSA signing keys by kid; anything else skipped or refused with a reason.
#include "web/sign_in/jwks.h"

#include <gtest/gtest.h>

#include "oidc_test_key.h"

namespace sign_in = heliocloud::web::sign_in;
using heliocloud::testing::TestSigningKey;

TEST(Jwks, ReadsRsaSigningKeysByKid) {
  const TestSigningKey a("a");
  const TestSigningKey b("b");
  auto other_use = b.jwk();
  other_use["kid"] = "enc";
  other_use["use"] = "enc";
  const nlohmann::json doc = {
      {"keys", {a.jwk(), b.jwk(), other_use, {{"kty", "EC"}, {"kid", "ec"}, {"crv", "P-256"}}}}};
  const auto keys = sign_in::parse_jwks(doc.dump());
  ASSERT_EQ(keys.size(), 2U);
  EXPECT_EQ(keys.at("a").bits(), 2048);
  // The key verifies what its private half signed, and nothing else.
  const auto signature = a.sign("message");
  EXPECT_TRUE(keys.at("a").verify_rs256("message", signature));
  EXPECT_FALSE(keys.at("b").verify_rs256("message", signature));
  EXPECT_FALSE(keys.at("a").verify_rs256("massage", signature));
}

TEST(Jwks, RefusesDocumentsWithoutUsableKeys) {
  for (const char* bad :
       {"", "[]", "{}", R"({"keys": {}})", R"({"keys": []})", R"({"keys": [{"kty": "EC", "kid": "x"}]})"}) {
    EXPECT_THROW((void)sign_in::parse_jwks(bad), std::runtime_error) << bad;
  }
}

TEST(Jwks, RefusesMalformedAndWeakRsaKeys) {
  const TestSigningKey key("k");
  auto bad_n = key.jwk();
  bad_n["n"] = "not base64url!";
  EXPECT_THROW((void)sign_in::parse_jwks(nlohmann::json{{"keys", {bad_n}}}.dump()), std::runtime_error);
  auto padded = key.jwk();
  padded["n"] = "AA" + padded["n"].get<std::string>().substr(2);
  EXPECT_THROW((void)sign_in::parse_jwks(nlohmann::json{{"keys", {padded}}}.dump()), std::runtime_error);
  const TestSigningKey small("small", 1024);
  EXPECT_THROW((void)sign_in::parse_jwks(nlohmann::json{{"keys", {small.jwk()}}}.dump()), std::runtime_error);
  auto even_e = key.jwk();
  even_e["e"] = "AQAA";  // 65536
  EXPECT_THROW((void)sign_in::parse_jwks(nlohmann::json{{"keys", {even_e}}}.dump()), std::runtime_error);
}
