// The signed double-submit token: bound to one session and one key.
#include "web/csrf.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace web = heliocloud::web;

TEST(Csrf, TokensVerifyForTheirSessionOnly) {
  const web::CsrfProtection csrf(std::string(32, 'k'));
  const auto a = web::CsrfProtection::new_session_id();
  const auto b = web::CsrfProtection::new_session_id();
  EXPECT_NE(a, b);
  EXPECT_TRUE(web::CsrfProtection::is_session_id(a));
  EXPECT_EQ(csrf.token_for(a), csrf.token_for(a));  // stateless: any instance computes the same
  EXPECT_TRUE(csrf.verify(a, csrf.token_for(a)));
  EXPECT_FALSE(csrf.verify(b, csrf.token_for(a)));
  EXPECT_FALSE(csrf.verify(a, ""));
  std::string tampered = csrf.token_for(a);
  tampered[5] = tampered[5] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(csrf.verify(a, tampered));
  EXPECT_FALSE(csrf.verify(a, csrf.token_for(a) + "x"));
}

TEST(Csrf, AnotherKeyMakesOtherTokens) {
  const web::CsrfProtection one(std::string(32, 'k'));
  const web::CsrfProtection two(std::string(32, 'j'));
  const auto id = web::CsrfProtection::new_session_id();
  EXPECT_FALSE(two.verify(id, one.token_for(id)));
}

TEST(Csrf, RefusesShortKeysAndMalformedSessionIds) {
  EXPECT_THROW(web::CsrfProtection(std::string(31, 'k')), std::invalid_argument);
  EXPECT_FALSE(web::CsrfProtection::is_session_id("short"));
  EXPECT_FALSE(web::CsrfProtection::is_session_id(std::string(43, '=')));
  const web::CsrfProtection csrf(web::random_key());
  // Even a correct MAC of a malformed id is refused: ids only come from new_session_id().
  EXPECT_FALSE(csrf.verify("short", csrf.token_for("short")));
  EXPECT_EQ(web::random_hex(8).size(), 16U);
}
