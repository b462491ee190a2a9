// PKCE S256 against RFC 7636's own example, and the shape of fresh verifiers.
#include "web/sign_in/pkce.h"

#include <gtest/gtest.h>

#include <set>

namespace sign_in = heliocloud::web::sign_in;

TEST(Pkce, MatchesTheRfc7636AppendixBExample) {
  EXPECT_EQ(sign_in::code_challenge_s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(Pkce, VerifiersAreFreshAndUseOnlyUnreservedCharacters) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const auto verifier = sign_in::new_code_verifier();
    // RFC 7636 §4.1: 43 to 128 characters of [A-Z] [a-z] [0-9] - . _ ~
    EXPECT_EQ(verifier.size(), 43U);
    EXPECT_EQ(
        verifier.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"),
        std::string::npos);
    seen.insert(verifier);
  }
  EXPECT_EQ(seen.size(), 50U);
}
