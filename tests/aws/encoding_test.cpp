#include "aws/encoding.h"

#include <gtest/gtest.h>

namespace aws = heliocloud::aws;

TEST(UriEncode, LeavesUnreservedCharactersAlone) {
  const std::string unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  EXPECT_EQ(aws::uri_encode(unreserved), unreserved);
}

TEST(UriEncode, SpaceIsPercent20AndPlusIsEncoded) {
  EXPECT_EQ(aws::uri_encode("a b+c"), "a%20b%2Bc");
  EXPECT_EQ(aws::uri_encode("x=y&z"), "x%3Dy%26z");
  EXPECT_EQ(aws::uri_encode("*"), "%2A");
}

TEST(UriEncode, Utf8BytesAreEncodedUpperHex) {
  EXPECT_EQ(aws::uri_encode("\xE1\x88\xB4"), "%E1%88%B4");
  EXPECT_EQ(aws::uri_encode("caf\xC3\xA9"), "caf%C3%A9");
}

TEST(UriEncode, SlashKeptOnlyWhenAsked) {
  EXPECT_EQ(aws::uri_encode("a/b c/d"), "a%2Fb%20c%2Fd");
  EXPECT_EQ(aws::uri_encode("a/b c/d", true), "a/b%20c/d");
}

TEST(UriDecode, RoundTripsAndHandlesPlus) {
  const std::string s = "a b+c/\xE1\x88\xB4~%";
  EXPECT_EQ(aws::uri_decode(aws::uri_encode(s)), s);
  EXPECT_EQ(aws::uri_decode("a+b"), "a+b");
  EXPECT_EQ(aws::uri_decode("a+b", true), "a b");
  EXPECT_EQ(aws::uri_decode("100%"), "100%");  // a stray percent is kept, not an error
}

TEST(Base64, KnownVectors) {
  EXPECT_EQ(aws::base64_encode(""), "");
  EXPECT_EQ(aws::base64_encode("f"), "Zg==");
  EXPECT_EQ(aws::base64_encode("fo"), "Zm8=");
  EXPECT_EQ(aws::base64_encode("foo"), "Zm9v");
  EXPECT_EQ(aws::base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(aws::base64_decode("Zm9vYmFy"), "foobar");
  EXPECT_EQ(aws::base64_decode("Zm8="), "fo");
  EXPECT_THROW(aws::base64_decode("Zm9v!"), std::invalid_argument);
}

TEST(Digests, KnownVectors) {
  EXPECT_EQ(aws::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(aws::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // RFC 4231 test case 2.
  EXPECT_EQ(aws::to_hex(aws::hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(aws::md5_base64(""), "1B2M2Y8AsgTpgAmY7PhCfg==");
}
