#include "registry/key_hashes.h"

#include <gtest/gtest.h>

#include <string>

namespace heliocloud::registry {
namespace {

TEST(KeyHashes, StableFnv1aAcrossPieces) {
  EXPECT_EQ(key_hash(""), kFnvOffsetBasis);
  EXPECT_EQ(key_hash("a"), 0xaf63dc4c8601ec8cULL);  // the published FNV-1a 64 test vector
  EXPECT_EQ(fnv1a("bc", fnv1a("a")), key_hash("abc"));
}

TEST(KeyHashes, DuplicateKeysSuspectsOnlyKeysAddedTwice) {
  DuplicateKeys keys;
  for (int i = 0; i < 10000; ++i) keys.add("data/f" + std::to_string(i) + ".cdf");
  EXPECT_FALSE(keys.find_suspects());
  EXPECT_FALSE(keys.suspect("data/f1.cdf"));

  DuplicateKeys again;
  for (int i = 0; i < 10000; ++i) again.add("data/f" + std::to_string(i % 9999) + ".cdf");
  ASSERT_TRUE(again.find_suspects());
  EXPECT_TRUE(again.suspect("data/f0.cdf"));
  EXPECT_FALSE(again.suspect("data/f1.cdf"));
}

TEST(KeyHashes, ListedSizesFindsSizesAndSaysWhenAHashIsShared) {
  ListedSizes listed;
  listed.add("a.cdf", 10);
  listed.add("b.cdf", 20);
  listed.add("b.cdf", 21);  // two objects with one hash (as two keys whose hashes met would be)
  listed.seal();
  EXPECT_EQ(listed.size(), 3U);
  const auto a = listed.find("a.cdf");
  EXPECT_TRUE(a.listed);
  EXPECT_FALSE(a.ambiguous);
  EXPECT_EQ(a.size, 10U);
  EXPECT_TRUE(listed.find("b.cdf").ambiguous);
  EXPECT_FALSE(listed.find("c.cdf").listed);
}

}  // namespace
}  // namespace heliocloud::registry
