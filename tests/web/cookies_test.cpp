// Cookie header parsing and Set-Cookie attributes.
#include "web/cookies.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace web = heliocloud::web;

TEST(Cookies, ParsesTheCookieHeader) {
  const auto c = web::parse_cookie_header("a=1; b=\"two\";c=x=y;  junk ; =nameless; d=");
  EXPECT_EQ(c.get("a"), "1");
  EXPECT_EQ(c.get("b"), "two");
  EXPECT_EQ(c.get("c"), "x=y");
  EXPECT_EQ(c.get("d"), "");
  EXPECT_FALSE(c.has("junk"));
  EXPECT_EQ(c.entries().size(), 4U);
}

TEST(Cookies, SetCookieIsHttpOnlySecureLaxAndRootPathByDefault) {
  EXPECT_EQ(web::format_set_cookie({.name = "sid", .value = "abc"}, true),
            "sid=abc; Path=/; HttpOnly; Secure; SameSite=Lax");
}

TEST(Cookies, LocalDevelopmentDropsSecureOnly) {
  EXPECT_EQ(web::format_set_cookie({.name = "sid", .value = "abc"}, false),
            "sid=abc; Path=/; HttpOnly; SameSite=Lax");
  // SameSite=None is rejected by browsers without Secure, so it always gets it.
  EXPECT_EQ(web::format_set_cookie({.name = "x", .value = "1", .same_site = web::SameSite::None}, false),
            "x=1; Path=/; HttpOnly; Secure; SameSite=None");
}

TEST(Cookies, MaxAgePathAndExpiry) {
  EXPECT_EQ(web::format_set_cookie({.name = "t",
                                    .value = "v",
                                    .max_age = std::chrono::seconds{1800},
                                    .path = "/app",
                                    .http_only = false,
                                    .same_site = web::SameSite::Strict},
                                   true),
            "t=v; Max-Age=1800; Path=/app; Secure; SameSite=Strict");
  EXPECT_EQ(web::format_set_cookie(web::expired_cookie("t"), true),
            "t=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax");
}

TEST(Cookies, RefusesValuesThatWouldInjectAttributes) {
  EXPECT_THROW((void)web::format_set_cookie({.name = "a", .value = "x; Domain=evil.example"}, true),
               std::invalid_argument);
  EXPECT_THROW((void)web::format_set_cookie({.name = "a b", .value = "x"}, true), std::invalid_argument);
  EXPECT_THROW((void)web::format_set_cookie({.name = "", .value = "x"}, true), std::invalid_argument);
  EXPECT_THROW((void)web::format_set_cookie({.name = "a", .value = "\"q\""}, true), std::invalid_argument);
}
