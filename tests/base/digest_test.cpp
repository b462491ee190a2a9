#include "base/digest.h"

#include <gtest/gtest.h>

namespace base = heliocloud::base;

// Vectors from FIPS 180-2 (SHA-256) and RFC 1321 (MD5).
TEST(Digest, Sha256KnownVectors) {
  EXPECT_EQ(base::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(base::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(base::sha256("abc").size(), 32U);
}

TEST(Digest, IncrementalSha256EqualsOneShot) {
  base::Sha256 h;
  h.update("a");
  h.update("");
  h.update("bc");
  EXPECT_EQ(h.hex(), base::sha256_hex("abc"));
}

TEST(Digest, Md5KnownVectors) {
  EXPECT_EQ(base::to_hex(base::md5("")), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(base::to_hex(base::md5("abc")), "900150983cd24fb0d6963f7d28e17f72");
}

TEST(Digest, HexInBothCases) {
  EXPECT_EQ(base::to_hex(""), "");
  EXPECT_EQ(base::to_hex(std::string("\x00\x0f\xa0\xff", 4)), "000fa0ff");
  EXPECT_EQ(base::to_hex(std::string("\x00\x0f\xa0\xff", 4), true), "000FA0FF");
}
