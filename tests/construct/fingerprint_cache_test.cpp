#include "construct/fingerprint_cache.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "construct/fingerprint.h"

namespace fs = std::filesystem;
using heliocloud::construct::fingerprint;
using heliocloud::construct::FingerprintCache;

TEST(FingerprintCache, SecondRunComesFromTheCacheWithTheSameResult) {
  const fs::path dir = fs::temp_directory_path() / "hc-fp-cache";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy(fs::path(HELIOCLOUD_TEST_DATA) / "asset-tree", dir / "tree", fs::copy_options::recursive);
  const auto cache_file = dir / "cache.json";
  const auto plain = fingerprint(dir / "tree");
  {
    FingerprintCache cache(cache_file);
    EXPECT_EQ(fingerprint(dir / "tree", &cache), plain);
    EXPECT_EQ(cache.hits(), 0U);
    cache.save();
  }
  {
    FingerprintCache cache(cache_file);
    EXPECT_EQ(fingerprint(dir / "tree", &cache), plain);
    EXPECT_EQ(cache.hits(), 5U);  // every file but the .is_custom_resource marker
  }
  fs::remove_all(dir);
}

TEST(FingerprintCache, AChangedFileIsHashedAgain) {
  const fs::path dir = fs::temp_directory_path() / "hc-fp-cache-change";
  fs::remove_all(dir);
  fs::create_directories(dir / "tree");
  std::ofstream(dir / "tree" / "a.txt") << "one\n";
  const auto cache_file = dir / "cache.json";
  {
    FingerprintCache cache(cache_file);
    (void)fingerprint(dir / "tree", &cache);
    cache.save();
  }
  std::ofstream(dir / "tree" / "a.txt") << "two, longer\n";
  FingerprintCache cache(cache_file);
  EXPECT_EQ(fingerprint(dir / "tree", &cache), fingerprint(dir / "tree"));
  EXPECT_EQ(cache.hits(), 0U);
  fs::remove_all(dir);
}

TEST(FingerprintCache, ADamagedCacheIsIgnored) {
  const fs::path dir = fs::temp_directory_path() / "hc-fp-cache-bad";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "cache.json") << "{not json";
  std::ofstream(dir / "f.txt") << "x";
  FingerprintCache cache(dir / "cache.json");
  EXPECT_EQ(cache.content_fingerprint(dir / "f.txt"),
            heliocloud::construct::content_fingerprint(dir / "f.txt"));
  fs::remove_all(dir);
}
