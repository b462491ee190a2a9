// Percent-encoding, base64 and HMAC: shared by the AWS client (SigV4, S3 keys), the web core (queries, forms,
// ALB bodies, CSRF tokens) and the Daskhub kit renderer.
#include <gtest/gtest.h>

#include "base/base64.h"
#include "base/digest.h"
#include "base/percent_encoding.h"

namespace base = heliocloud::base;

TEST(PercentEncode, LeavesUnreservedCharactersAlone) {
  const std::string unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  EXPECT_EQ(base::percent_encode(unreserved), unreserved);
}

TEST(PercentEncode, SpaceIsPercent20AndPlusIsEncoded) {
  EXPECT_EQ(base::percent_encode("a b+c"), "a%20b%2Bc");
  EXPECT_EQ(base::percent_encode("x=y&z"), "x%3Dy%26z");
  EXPECT_EQ(base::percent_encode("*"), "%2A");
  EXPECT_EQ(base::percent_encode("a b/c?d=e&f~_.-"), "a%20b%2Fc%3Fd%3De%26f~_.-");
}

TEST(PercentEncode, Utf8BytesAreEncodedUpperHex) {
  EXPECT_EQ(base::percent_encode("\xE1\x88\xB4"), "%E1%88%B4");
  EXPECT_EQ(base::percent_encode("caf\xC3\xA9"), "caf%C3%A9");
}

TEST(PercentEncode, SlashKeptOnlyWhenAsked) {
  EXPECT_EQ(base::percent_encode("a/b c/d"), "a%2Fb%20c%2Fd");
  EXPECT_EQ(base::percent_encode("a/b c/d", true), "a/b%20c/d");
}

TEST(PercentDecode, RoundTripsAndHandlesPlusOnlyWhenAsked) {
  const std::string s = "a b+c/\xE1\x88\xB4~%";
  EXPECT_EQ(base::percent_decode(base::percent_encode(s)), s);
  const std::string bytes("\x00\xff+%", 4);
  EXPECT_EQ(base::percent_decode(base::percent_encode(bytes), true), bytes);
  EXPECT_EQ(base::percent_decode("a+b"), "a+b");
  EXPECT_EQ(base::percent_decode("a+b", true), "a b");
  EXPECT_EQ(base::percent_decode("a%20b+c%2Fd", true), "a b c/d");
  EXPECT_EQ(base::percent_decode("%e2%9c%93"), "\xe2\x9c\x93");
}

TEST(PercentDecode, LeavesInvalidEscapesAsTheyAre) {
  EXPECT_EQ(base::percent_decode("100%"), "100%");
  EXPECT_EQ(base::percent_decode("%zz%4", true), "%zz%4");
  EXPECT_EQ(base::percent_decode("%4g", true), "%4g");
}

TEST(Base64, KnownVectors) {
  EXPECT_EQ(base::base64_encode(""), "");
  EXPECT_EQ(base::base64_encode("f"), "Zg==");
  EXPECT_EQ(base::base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base::base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base::base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base::base64_encode("hi?"), "aGk/");
  EXPECT_EQ(base::base64url_encode("hi?>"), "aGk_Pg");
  EXPECT_EQ(base::base64_decode("Zm9vYmFy"), "foobar");
  EXPECT_EQ(base::base64_decode("Zm8="), "fo");
  EXPECT_EQ(base::base64_decode("aGk"), "hi");
}

TEST(Base64, RoundTripsEveryLengthAndRejectsGarbage) {
  const std::string bytes("\x00\x01\xfe\xffhello", 9);
  for (std::size_t n = 0; n <= bytes.size(); ++n) {
    const auto part = bytes.substr(0, n);
    EXPECT_EQ(base::base64_decode(base::base64_encode(part)), part) << n;
  }
  EXPECT_FALSE(base::base64_decode("Zm9v!").has_value());
  EXPECT_FALSE(base::base64_decode("a$b=").has_value());
  EXPECT_FALSE(base::base64_decode("abcde").has_value());
}

TEST(Base64Url, IsTheStrictReverseOfTheEncoder) {
  const std::string bytes("\x00\x01\xfe\xff\xfbhello", 10);
  for (std::size_t n = 0; n <= bytes.size(); ++n) {
    const auto part = bytes.substr(0, n);
    EXPECT_EQ(base::base64url_decode(base::base64url_encode(part)), part) << n;
  }
  EXPECT_EQ(base::base64url_decode("aGk_Pg"), "hi?>");
  EXPECT_EQ(base::base64url_decode("-_8"), "\xfb\xff");
  // Standard alphabet, padding, white space, impossible length, non-zero leftover bits.
  for (const char* bad : {"aGk/Pg", "aGk+", "Zm8=", "Zm9v\n", "Zm9 v", "abcde", "Zh", "Zm9"})
    EXPECT_FALSE(base::base64url_decode(bad).has_value()) << bad;
}

TEST(HmacSha256, Rfc4231TestCase2) {
  EXPECT_EQ(base::to_hex(base::hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}
