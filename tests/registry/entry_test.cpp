#include "registry/entry.h"

#include <gtest/gtest.h>

#include "test_data.h"

namespace heliocloud::registry {
namespace {

using test::fixture;

const std::vector<std::string> kBuckets{"test"};

std::string all(const EntriesFile& f) {
  return to_string(f.all_problems());
}

TEST(Entries, ValidFixture) {
  const auto f = parse_entries(fixture("entry/valid.json"), "entries.json", kBuckets);
  ASSERT_TRUE(f.ok()) << all(f);
  ASSERT_EQ(f.entries.size(), 1U);
  const auto& e = *f.entries[0].entry;
  EXPECT_EQ(e.id, "MMS");
  EXPECT_EQ(e.index.bucket, "test");
  EXPECT_EQ(e.index.folder, "base_data/resources/ingest/dataset_bucket");
  EXPECT_EQ(e.index.uri(), "s3://test/base_data/resources/ingest/dataset_bucket/");
  EXPECT_EQ(e.title, "MMS data");
  EXPECT_EQ(e.metadata["resource"], "SPASE-1234567");
  EXPECT_EQ(e.metadata["about"], "https://www.nasa.gov");  // the original's about_url
  EXPECT_FALSE(e.metadata.contains("about_url"));
  EXPECT_EQ(e.metadata["creation"], "2015-09-01T00:00:00Z");  // naive time published with Z
  EXPECT_EQ(e.metadata["contact"], "Dr. Soandso, ephemerus.sosandso@nasa.gov");
}

TEST(Entries, ValidMultipleFixture) {
  const auto f = parse_entries(fixture("entry/valid_multiple.json"), "entries.json", kBuckets);
  ASSERT_TRUE(f.ok()) << all(f);
  ASSERT_EQ(f.entries.size(), 2U);
  EXPECT_EQ(f.entries[0].entry->id, "MMS");
  EXPECT_EQ(f.entries[1].entry->id, "ABC");
}

TEST(Entries, InvalidKeyFixtureReportsEveryMissingKey) {
  const auto f = parse_entries(fixture("entry/invalid_key.json"), "entries.json", kBuckets);
  EXPECT_FALSE(f.ok());
  const auto text = all(f);
  EXPECT_NE(text.find("entries.json[0]: missing required key \"id\""), std::string::npos) << text;
  EXPECT_NE(text.find("missing required key \"index\""), std::string::npos) << text;
  EXPECT_NE(text.find("missing required key \"title\""), std::string::npos) << text;
  EXPECT_NE(text.find("fix: add \"index\""), std::string::npos) << text;
}

TEST(Entries, InvalidKeyMultipleFixtureFailsOnlyTheBadEntry) {
  const auto f = parse_entries(fixture("entry/invalid_key_multiple.json"), "entries.json", kBuckets);
  EXPECT_FALSE(f.ok());
  ASSERT_EQ(f.entries.size(), 2U);
  EXPECT_FALSE(f.entries[0].entry);
  EXPECT_EQ(f.entries[0].problems.size(), 3U);
  ASSERT_TRUE(f.entries[1].entry) << all(f);
  EXPECT_EQ(f.entries[1].entry->id, "ABC");
  EXPECT_EQ(f.entries[0].label(), "#0");
}

TEST(Entries, InvalidLocFixtureNeedsIndex) {
  const auto f = parse_entries(fixture("entry/invalid_loc.json"), "entries.json", kBuckets);
  ASSERT_EQ(f.entries.size(), 1U);
  EXPECT_FALSE(f.entries[0].entry);
  EXPECT_EQ(to_string(f.entries[0].problems),
            "entries.json[0] (id MMS): missing required key \"index\" (fix: add \"index\": \"s3://<dataset "
            "bucket>/<folder>/\")");
  // `loc` and `ownership` are unknown keys; they would be kept, not an error of their own.
}

TEST(Entries, NotJsonFixture) {
  const auto f = parse_entries(fixture("entry/not_json.txt"), "entries.json", kBuckets);
  ASSERT_EQ(f.problems.size(), 1U);
  EXPECT_EQ(f.problems[0].where, "entries.json:1");
  EXPECT_NE(f.problems[0].message.find("not valid JSON"), std::string::npos);
}

// Found by fuzz/registry_entries_fuzz: a number beyond a double is not a parse_error but out_of_range, which
// escaped parse_entries and stopped the whole ingest.
TEST(Entries, NumberTooLargeForADoubleIsAProblem) {
  const auto f =
      parse_entries(R"([{"id":"A","index":"s3://data1/A","title":"t","size":9e999}])", "e.json", {});
  ASSERT_EQ(f.problems.size(), 1U);
  EXPECT_EQ(f.problems[0].where, "e.json");
  EXPECT_NE(f.problems[0].message.find("not valid JSON"), std::string::npos);
  EXPECT_NE(f.problems[0].message.find("number overflow"), std::string::npos);
}

TEST(Entries, TopLevelMustBeANonEmptyArray) {
  EXPECT_NE(to_string(parse_entries(R"({"id":"A"})", "e.json", {}).problems).find("wrap"), std::string::npos);
  EXPECT_NE(to_string(parse_entries("[]", "e.json", {}).problems).find("empty"), std::string::npos);
  EXPECT_NE(to_string(parse_entries("[1]", "e.json", {}).all_problems()).find("not a JSON object"),
            std::string::npos);
}

TEST(Entries, IndexMustBeInAnInstanceDatasetBucket) {
  const auto f = parse_entries(R"([{"id":"A","index":"s3://other-bucket/A","title":"t"}])", "e.json",
                               {"data1", "data2"});
  EXPECT_EQ(
      to_string(f.all_problems()),
      "e.json[0] (id A): index \"s3://other-bucket/A\" is in bucket \"other-bucket\", which is not a dataset "
      "bucket of this instance (fix: use one of: data1, data2)");
  const auto any = parse_entries(R"([{"id":"A","index":"s3://other-bucket/A/","title":"t"}])", "e.json", {});
  ASSERT_TRUE(any.ok());
  EXPECT_EQ(any.entries[0].entry->index.folder, "A");
}

TEST(Entries, IndexShapeProblems) {
  const auto check = [](const char* index, const char* fragment) {
    const auto f =
        parse_entries(std::string(R"([{"id":"A","title":"t","index":")") + index + "\"}]", "e.json", {});
    const auto text = to_string(f.all_problems());
    EXPECT_NE(text.find(fragment), std::string::npos) << index << " -> " << text;
  };
  check("file://test-heliocloud-datasets/MMS/", "must start with s3://");
  check("https://example.org/MMS/", "must start with s3://");
  check("s3://bucket", "no folder");
  check("s3://bucket/", "no folder");
  check("s3://Bad_Bucket/x", "not a valid bucket name");
  check("s3://bucket/a//b", "empty path segment");
  check("s3://bucket/../b", "'..'");
}

TEST(Entries, IdRulesAndAliases) {
  auto f = parse_entries(R"([{"dataset_id":"MMS_1-a","index":"s3://bkt/x","title":"t"}])", "e.json", {});
  ASSERT_TRUE(f.ok()) << to_string(f.all_problems());
  EXPECT_EQ(f.entries[0].entry->id, "MMS_1-a");
  f = parse_entries(R"([{"id":"MMS 1","index":"s3://bkt/x","title":"t"}])", "e.json", {});
  EXPECT_NE(to_string(f.all_problems()).find("letters, digits"), std::string::npos);
  f = parse_entries(R"([{"id":"A","dataset_id":"B","index":"s3://bkt/x","title":"t"}])", "e.json", {});
  EXPECT_NE(to_string(f.all_problems()).find("disagree"), std::string::npos);
  f = parse_entries(
      R"([{"id":"A","index":"s3://bkt/x","title":"t"},{"id":"A","index":"s3://bkt/y","title":"u"}])",
      "e.json", {});
  EXPECT_TRUE(f.entries[0].entry);
  EXPECT_FALSE(f.entries[1].entry);
  EXPECT_NE(to_string(f.all_problems()).find("more than once"), std::string::npos);
}

TEST(Entries, OptionalKeysAreCheckedAndExtrasKept) {
  const auto f = parse_entries(R"([{"id":"A","index":"s3://bkt/x","title":"t",
      "zeta": {"n": 1}, "multiyear": "True", "tags": ["a","b"], "expiration": null,
      "verified": "2020-01-01T00:00:00+01:00", "start": "1999-01-01", "filetype": ["cdf"], "alpha": "kept"}])",
                               "e.json", {});
  ASSERT_TRUE(f.ok()) << to_string(f.all_problems());
  const auto& m = f.entries[0].entry->metadata;
  EXPECT_EQ(m["multiyear"], true);
  EXPECT_EQ(m["tags"], (nlohmann::ordered_json{"a", "b"}));
  EXPECT_EQ(m["verified"], "2019-12-31T23:00:00Z");
  EXPECT_EQ(m["zeta"]["n"], 1);
  EXPECT_EQ(m["alpha"], "kept");
  EXPECT_FALSE(m.contains("expiration"));  // null = unset
  EXPECT_FALSE(m.contains("start"));       // computed from the data
  EXPECT_FALSE(m.contains("filetype"));
  // Spec keys first, then unknown keys in input order.
  std::vector<std::string> keys;
  for (const auto& [k, v] : m.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"verified", "multiyear", "tags", "zeta", "alpha"}));

  const auto bad = parse_entries(R"([{"id":"A","index":"s3://bkt/x","title":"t","multiyear":"yes",
      "tags":"a,b","creation":"yesterday","description":5}])",
                                 "e.json", {});
  const auto text = to_string(bad.all_problems());
  EXPECT_EQ(bad.entries[0].problems.size(), 4U) << text;
  EXPECT_NE(text.find("\"creation\": \"yesterday\" is not an ISO 8601 time"), std::string::npos) << text;
}

}  // namespace
}  // namespace heliocloud::registry
