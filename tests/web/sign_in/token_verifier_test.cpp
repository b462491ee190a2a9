// Token verification: every check of token_verifier.h, each failing alone on an otherwise valid token.
#include "web/sign_in/token_verifier.h"

#include <gtest/gtest.h>

#include "base/digest.h"
#include "test_tokens.h"
#include "web/sign_in/token_error.h"

namespace sign_in = heliocloud::web::sign_in;
using sign_in::TokenProblem;
using sign_in::TokenUse;
using namespace sign_in::testing;

namespace {

// The problem verify() reports, or nullopt when it accepts the token.
std::optional<TokenProblem> problem_of(const TestPool& pool, const std::string& token, TokenUse use,
                                       const std::optional<std::string>& nonce = std::nullopt) {
  try {
    (void)pool.verifier.verify(token, use, nonce);
    return std::nullopt;
  } catch (const sign_in::TokenError& e) {
    return e.problem();
  }
}

}  // namespace

TEST(TokenVerifier, AcceptsValidIdAndAccessTokens) {
  TestPool pool;
  const auto claims = pool.verifier.verify(pool.sign(id_claims(kStart)), TokenUse::Id, "the-nonce");
  EXPECT_EQ(claims["cognito:username"], "ada");
  const auto access = pool.verifier.verify(pool.sign(access_claims(kStart)), TokenUse::Access);
  EXPECT_EQ(access["username"], "ada");
  EXPECT_EQ(*pool.fetches, 1);  // the JWKS is cached
}

TEST(TokenVerifier, AcceptsAnAudienceArrayThatNamesUs) {
  TestPool pool;
  auto claims = id_claims(kStart);
  claims["aud"] = {"other", kClientId};
  EXPECT_EQ(problem_of(pool, pool.sign(claims), TokenUse::Id), std::nullopt);
  claims["aud"] = {"other"};
  EXPECT_EQ(problem_of(pool, pool.sign(claims), TokenUse::Id), TokenProblem::WrongAudience);
}

TEST(TokenVerifier, RefusesExpiredTokensAfterTheLeeway) {
  TestPool pool;
  const auto token = pool.sign(id_claims(kStart));
  pool.time.advance(3600 + 59);  // inside the 60 s leeway
  EXPECT_EQ(problem_of(pool, token, TokenUse::Id), std::nullopt);
  pool.time.advance(1);
  EXPECT_EQ(problem_of(pool, token, TokenUse::Id), TokenProblem::Expired);
}

TEST(TokenVerifier, RefusesTokensNotYetValid) {
  TestPool pool;
  auto claims = id_claims(kStart);
  claims["nbf"] = kStart + 120;
  EXPECT_EQ(problem_of(pool, pool.sign(claims), TokenUse::Id), TokenProblem::NotYetValid);
  claims["nbf"] = kStart + 30;  // within the leeway
  EXPECT_EQ(problem_of(pool, pool.sign(claims), TokenUse::Id), std::nullopt);
  auto future = id_claims(kStart + 600);  // issued ten minutes from now
  EXPECT_EQ(problem_of(pool, pool.sign(future), TokenUse::Id), TokenProblem::NotYetValid);
}

TEST(TokenVerifier, RefusesMissingOrMistypedTimes) {
  TestPool pool;
  for (const char* claim : {"exp", "iat"}) {
    auto claims = id_claims(kStart);
    claims.erase(claim);
    EXPECT_EQ(problem_of(pool, pool.sign(claims), TokenUse::Id), TokenProblem::Malformed) << claim;
    claims[claim] = "1800000000";
    EXPECT_EQ(problem_of(pool, pool.sign(claims), TokenUse::Id), TokenProblem::Malformed) << claim;
  }
}

TEST(TokenVerifier, RefetchesTheJwksOnceForAnUnknownKidThenFails) {
  TestPool pool;
  ASSERT_EQ(problem_of(pool, pool.sign(id_claims(kStart)), TokenUse::Id), std::nullopt);
  ASSERT_EQ(*pool.fetches, 1);
  pool.time.advance(120);
  const heliocloud::testing::TestSigningKey stranger("key-unknown");
  const auto foreign = heliocloud::testing::sign_jwt(id_claims(pool.time.now()), stranger);
  EXPECT_EQ(problem_of(pool, foreign, TokenUse::Id), TokenProblem::UnknownKey);
  EXPECT_EQ(*pool.fetches, 2);  // one refetch...
  EXPECT_EQ(problem_of(pool, foreign, TokenUse::Id), TokenProblem::UnknownKey);
  EXPECT_EQ(*pool.fetches, 2);  // ...and no more within the interval
  // Known keys keep working meanwhile.
  EXPECT_EQ(problem_of(pool, pool.sign(id_claims(pool.time.now())), TokenUse::Id), std::nullopt);
}

TEST(TokenVerifier, PicksUpARotatedKeyOnTheRefetch) {
  TestPool pool;
  ASSERT_EQ(problem_of(pool, pool.sign(id_claims(kStart)), TokenUse::Id), std::nullopt);
  const heliocloud::testing::TestSigningKey next("key-2");
  (*pool.jwks)["keys"].push_back(next.jwk());
  pool.time.advance(61);
  EXPECT_EQ(problem_of(pool, heliocloud::testing::sign_jwt(id_claims(pool.time.now()), next), TokenUse::Id),
            std::nullopt);
  EXPECT_EQ(*pool.fetches, 2);
}

TEST(TokenVerifier, ReportsAnUnreachableJwks) {
  TestClock time;
  sign_in::KeySet keys([]() -> std::string { throw std::runtime_error("connection refused"); }, time.clock());
  const sign_in::TokenVerifier verifier({.issuer = kIssuer, .client_id = kClientId}, keys, time.clock());
  const heliocloud::testing::TestSigningKey key("key-1");
  try {
    (void)verifier.verify(heliocloud::testing::sign_jwt(id_claims(kStart), key), TokenUse::Id);
    FAIL() << "accepted without keys";
  } catch (const sign_in::TokenError& e) {
    EXPECT_EQ(e.problem(), TokenProblem::KeysUnavailable);
    EXPECT_NE(std::string(e.what()).find("connection refused"), std::string::npos);
  }
  EXPECT_EQ(keys.fetch_count(), 1);
}

TEST(TokenVerifier, RefusesAnotherIssuer) {
  TestPool pool;
  auto claims = id_claims(kStart);
  claims["iss"] = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_OtherPool";
  EXPECT_EQ(problem_of(pool, pool.sign(claims), TokenUse::Id), TokenProblem::WrongIssuer);
  claims.erase("iss");
  EXPECT_EQ(problem_of(pool, pool.sign(claims), TokenUse::Id), TokenProblem::WrongIssuer);
}

TEST(TokenVerifier, RefusesAnotherAudienceOrClient) {
  TestPool pool;
  auto id = id_claims(kStart);
  id["aud"] = "another-client";
  EXPECT_EQ(problem_of(pool, pool.sign(id), TokenUse::Id), TokenProblem::WrongAudience);
  auto access = access_claims(kStart);
  access["client_id"] = "another-client";
  EXPECT_EQ(problem_of(pool, pool.sign(access), TokenUse::Access), TokenProblem::WrongAudience);
  access.erase("client_id");
  EXPECT_EQ(problem_of(pool, pool.sign(access), TokenUse::Access), TokenProblem::WrongAudience);
}

TEST(TokenVerifier, RefusesTheWrongTokenUse) {
  TestPool pool;
  EXPECT_EQ(problem_of(pool, pool.sign(access_claims(kStart)), TokenUse::Id), TokenProblem::WrongTokenUse);
  EXPECT_EQ(problem_of(pool, pool.sign(id_claims(kStart)), TokenUse::Access), TokenProblem::WrongTokenUse);
}

TEST(TokenVerifier, ChecksTheNonceWhenAsked) {
  TestPool pool;
  const auto token = pool.sign(id_claims(kStart));
  EXPECT_EQ(problem_of(pool, token, TokenUse::Id, "the-nonce"), std::nullopt);
  EXPECT_EQ(problem_of(pool, token, TokenUse::Id, "another-nonce"), TokenProblem::NonceMismatch);
  auto claims = id_claims(kStart);
  claims.erase("nonce");
  EXPECT_EQ(problem_of(pool, pool.sign(claims), TokenUse::Id, "the-nonce"), TokenProblem::NonceMismatch);
}

TEST(TokenVerifier, RefusesAlgNone) {
  TestPool pool;
  const auto claims = id_claims(kStart);
  for (const char* alg : {"none", "None", "NONE"}) {
    EXPECT_EQ(problem_of(pool, raw_token({{"alg", alg}, {"kid", "key-1"}}, claims, ""), TokenUse::Id),
              TokenProblem::UnsupportedAlgorithm)
        << alg;
  }
  // No alg at all, or a valid RS256 signature under a header that says otherwise.
  EXPECT_EQ(problem_of(pool, raw_token({{"kid", "key-1"}}, claims, ""), TokenUse::Id),
            TokenProblem::UnsupportedAlgorithm);
  const auto input = heliocloud::testing::jwt_signing_input({{"alg", "RS512"}, {"kid", "key-1"}}, claims);
  EXPECT_EQ(
      problem_of(pool, input + "." + heliocloud::base::base64url_encode(pool.key->sign(input)), TokenUse::Id),
      TokenProblem::UnsupportedAlgorithm);
}

TEST(TokenVerifier, RefusesHs256SignedWithThePublicKey) {
  TestPool pool;
  // The algorithm-confusion attack: a verifier that lets the header pick HMAC would key it with the
  // public key it holds, which the attacker knows too.
  const nlohmann::json header = {{"alg", "HS256"}, {"typ", "JWT"}, {"kid", "key-1"}};
  const auto input = heliocloud::testing::jwt_signing_input(header, id_claims(kStart));
  for (const std::string& secret :
       {pool.key->public_pem(), pool.key->jwk().dump(), pool.key->jwk()["n"].get<std::string>()}) {
    const auto forged =
        input + "." + heliocloud::base::base64url_encode(heliocloud::base::hmac_sha256(secret, input));
    EXPECT_EQ(problem_of(pool, forged, TokenUse::Id), TokenProblem::UnsupportedAlgorithm);
  }
}

TEST(TokenVerifier, RefusesCriticalHeaders) {
  TestPool pool;
  const nlohmann::json header = {{"alg", "RS256"}, {"kid", "key-1"}, {"crit", {"exp"}}, {"exp", 1}};
  const auto input = heliocloud::testing::jwt_signing_input(header, id_claims(kStart));
  const auto token = input + "." + heliocloud::base::base64url_encode(pool.key->sign(input));
  EXPECT_EQ(problem_of(pool, token, TokenUse::Id), TokenProblem::UnsupportedAlgorithm);
}

TEST(TokenVerifier, RefusesATamperedPayload) {
  TestPool pool;
  const auto token = pool.sign(id_claims(kStart));
  const auto first = token.find('.');
  const auto second = token.find('.', first + 1);
  auto claims = id_claims(kStart);
  claims["cognito:groups"] = {"admins", "root"};
  const auto forged =
      token.substr(0, first + 1) + heliocloud::base::base64url_encode(claims.dump()) + token.substr(second);
  EXPECT_EQ(problem_of(pool, forged, TokenUse::Id), TokenProblem::BadSignature);
}

TEST(TokenVerifier, RefusesATamperedSignature) {
  TestPool pool;
  const auto token = pool.sign(id_claims(kStart));
  const auto dot = token.rfind('.');
  auto signature = *heliocloud::base::base64url_decode(token.substr(dot + 1));
  signature[10] = static_cast<char>(signature[10] ^ 0x01);
  EXPECT_EQ(problem_of(pool, token.substr(0, dot + 1) + heliocloud::base::base64url_encode(signature),
                       TokenUse::Id),
            TokenProblem::BadSignature);
  // A signature of the wrong length, and none at all.
  EXPECT_EQ(
      problem_of(pool, token.substr(0, dot + 1) + heliocloud::base::base64url_encode(signature.substr(1)),
                 TokenUse::Id),
      TokenProblem::BadSignature);
  EXPECT_EQ(problem_of(pool, token.substr(0, dot + 1), TokenUse::Id), TokenProblem::BadSignature);
  // Signed by another key under our kid.
  const heliocloud::testing::TestSigningKey impostor("key-1");
  EXPECT_EQ(problem_of(pool, heliocloud::testing::sign_jwt(id_claims(kStart), impostor), TokenUse::Id),
            TokenProblem::BadSignature);
}

TEST(TokenVerifier, RefusesMalformedTokens) {
  TestPool pool;
  const auto token = pool.sign(id_claims(kStart));
  const auto first = token.find('.');
  const std::string header = token.substr(0, first);
  const std::string rest = token.substr(first);
  const std::string not_json = heliocloud::base::base64url_encode("{not json");
  const std::string array = heliocloud::base::base64url_encode("[1,2]");
  for (const std::string& bad :
       {std::string(), std::string("abc"), std::string("a.b"), token + ".extra", token + "=",
        "!" + token.substr(1), header + "=" + rest, not_json + rest, array + rest,
        std::string(20000, 'a') + "." + rest, header + "." + not_json + "." + "AAAA",
        header + "." + heliocloud::base::base64url_encode("\"just a string\"") + ".AAAA"}) {
    EXPECT_EQ(problem_of(pool, bad, TokenUse::Id), TokenProblem::Malformed) << bad.substr(0, 80);
  }
}

TEST(TokenVerifier, RefusesDuplicateMemberNames) {
  TestPool pool;
  // {"alg":"RS256","alg":"none"}: readers that keep the first or the last name would disagree.
  const std::string header =
      heliocloud::base::base64url_encode(R"({"alg":"RS256","kid":"key-1","alg":"none"})");
  const std::string payload = heliocloud::base::base64url_encode(id_claims(kStart).dump());
  const std::string input = header + "." + payload;
  const auto token = input + "." + heliocloud::base::base64url_encode(pool.key->sign(input));
  EXPECT_EQ(problem_of(pool, token, TokenUse::Id), TokenProblem::Malformed);
}

TEST(TokenVerifier, NeedsASubject) {
  TestPool pool;
  auto claims = access_claims(kStart);
  claims.erase("sub");
  EXPECT_EQ(problem_of(pool, pool.sign(claims), TokenUse::Access), TokenProblem::Malformed);
}
