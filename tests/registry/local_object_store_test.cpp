#include "registry/local_object_store.h"

#include <gtest/gtest.h>

#include "local_world.h"

namespace heliocloud::registry {
namespace {

TEST(LocalObjectStore, PutGetHeadListCopyRemove) {
  test::LocalWorld w;
  auto& s = *w.objects;
  EXPECT_TRUE(s.bucket_exists("uploads"));
  EXPECT_FALSE(s.bucket_exists("nope-bucket"));
  s.put("uploads", "a/b/c.csv", "hello", "text/csv");
  s.put("uploads", "a/d.csv", "xy", "text/csv");
  s.put("uploads", "ab.csv", "z", "text/csv");
  EXPECT_EQ(s.get("uploads", "a/b/c.csv"), "hello");
  EXPECT_FALSE(s.get("uploads", "a/none.csv"));
  EXPECT_EQ(s.head("uploads", "a/d.csv")->size, 2U);
  EXPECT_FALSE(s.head("uploads", "a/b"));  // a "directory" is not an object

  const auto listed = s.list("uploads", "a/");
  ASSERT_EQ(listed.size(), 2U);
  EXPECT_EQ(listed[0].key, "a/b/c.csv");
  EXPECT_EQ(listed[0].size, 5U);
  EXPECT_EQ(listed[1].key, "a/d.csv");
  EXPECT_EQ(s.list("uploads", "a").size(), 3U);  // plain prefix, as in S3
  EXPECT_TRUE(s.list("uploads", "zzz/").empty());

  s.copy("uploads", "a/b/c.csv", "helio-public", "x/y.csv");
  EXPECT_EQ(s.get("helio-public", "x/y.csv"), "hello");
  EXPECT_THROW(s.copy("uploads", "a/missing.csv", "helio-public", "x/z.csv"), StoreError);

  s.remove("uploads", "a/b/c.csv");
  s.remove("uploads", "a/b/c.csv");                                    // absent: fine
  EXPECT_FALSE(std::filesystem::exists(w.bucket("uploads") / "a/b"));  // empty directories go too
  EXPECT_TRUE(std::filesystem::exists(w.bucket("uploads") / "a/d.csv"));
}

TEST(LocalObjectStore, RefusesKeysThatLeaveTheBucketAndMissingBuckets) {
  test::LocalWorld w;
  auto& s = *w.objects;
  EXPECT_THROW(s.put("uploads", "../escape.csv", "x", ""), StoreError);
  EXPECT_THROW(s.put("uploads", "/abs.csv", "x", ""), StoreError);
  EXPECT_THROW((void)s.get("Bad_Bucket", "k"), StoreError);
  try {
    s.put("no-such-bucket", "k", "x", "");
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("bucket \"no-such-bucket\" does not exist"), std::string::npos);
  }
}

TEST(LocalObjectStore, ListsInPagesAndReadsRanges) {
  test::LocalWorld w;
  auto& s = *w.objects;
  for (int i = 0; i < 2500; ++i)
    w.text_file("uploads", "job/d" + std::to_string(i % 7) + "/f" + std::to_string(i), "x");
  std::vector<std::size_t> pages;
  std::size_t objects = 0;
  s.list_pages("uploads", "job/", [&](std::vector<ObjectInfo>& page) {
    pages.push_back(page.size());
    objects += page.size();
  });
  EXPECT_EQ(objects, 2500U);
  EXPECT_EQ(pages, (std::vector<std::size_t>{1000, 1000, 500}));
  EXPECT_EQ(s.list("uploads", "job/").size(), 2500U);

  s.put("uploads", "r.txt", "0123456789", "text/plain");
  const auto part = s.get_range("uploads", "r.txt", 3, 4, "");
  ASSERT_TRUE(part);
  EXPECT_EQ(part->body, "3456");
  EXPECT_EQ(s.get_range("uploads", "r.txt", 8, 4, part->version)->body, "89");
  EXPECT_EQ(s.get_range("uploads", "r.txt", 10, 4, part->version)->body, "");
  EXPECT_FALSE(s.get_range("uploads", "none.txt", 0, 4, ""));
}

TEST(LocalObjectStore, MappedBucketServesAnyDirectory) {
  test::LocalWorld w;
  w.text_file("helio-public", "job/entries.json", "[]");
  LocalObjectStore s(w.dir / "elsewhere");
  s.map_bucket("job", w.bucket("helio-public") / "job");
  EXPECT_EQ(s.get("job", "entries.json"), "[]");
}

}  // namespace
}  // namespace heliocloud::registry
