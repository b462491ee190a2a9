#include "cloudcatalog/catalog_reader.h"

#include <gtest/gtest.h>

#include <map>

#include "cloudcatalog/errors.h"
#include "registry/local_object_store.h"

namespace heliocloud::cloudcatalog {
namespace {

using registry::parse_time;

// The fixture buckets (data/<bucket>/...) through the registry's directory store, every address recorded.
class RecordingFetcher final : public ObjectFetcher {
 public:
  RecordingFetcher() : store_(HELIOCLOUD_CLOUDCATALOG_TEST_DATA), fetcher_(store_) {}
  std::optional<std::string> fetch(const std::string& uri) override {
    fetched.push_back(uri);
    return fetcher_.fetch(uri);
  }
  std::vector<std::string> fetched;

 private:
  registry::LocalObjectStore store_;
  StoreFetcher fetcher_;
};

// Objects given in the test.
class MemoryFetcher final : public ObjectFetcher {
 public:
  std::optional<std::string> fetch(const std::string& uri) override {
    const auto it = objects.find(uri);
    if (it == objects.end()) return std::nullopt;
    return it->second;
  }
  std::map<std::string, std::string> objects;
};

std::vector<std::string> keys(const FileListing& listing) {
  std::vector<std::string> out;
  for (const auto& row : listing.rows) out.push_back(row.datakey);
  return out;
}

TEST(CatalogReader, ReadsOnlyTheYearsTheRangeNeeds) {
  RecordingFetcher fetcher;
  const CatalogReader reader(fetcher, parse_endpoint("s3://demo-bucket/"));
  fetcher.fetched.clear();
  const auto listing = reader.files("demo_ds", parse_time("2021-01-01T06:00:00Z"), parse_time("2021-01-03"));
  EXPECT_EQ(fetcher.fetched, std::vector<std::string>{"s3://demo-bucket/ds/demo_ds_2021.csv"});
  EXPECT_EQ(keys(listing), (std::vector<std::string>{"s3://demo-bucket/ds/f_20210101.cdf",
                                                     "s3://demo-bucket/ds/f_20210102.cdf"}));
  EXPECT_EQ(listing.rows[0].size, 300u);
  EXPECT_EQ(listing.index_files_read, fetcher.fetched);
}

TEST(CatalogReader, SpansYearsAndUsesTheClientsHalfOpenFilter) {
  RecordingFetcher fetcher;
  const CatalogReader reader(fetcher, parse_endpoint("s3://demo-bucket"));
  // f_20201231b ends 23:59:59 = q_start: included; f_20210102 starts at q_stop: excluded.
  const auto listing =
      reader.files("demo_ds", parse_time("2020-12-31T23:59:59Z"), parse_time("2021-01-02T00:00:00Z"));
  EXPECT_EQ(keys(listing), (std::vector<std::string>{"s3://demo-bucket/ds/f_20201231b.cdf",
                                                     "s3://demo-bucket/ds/f_20210101.cdf"}));
  EXPECT_EQ(listing.index_files_read.size(), 2u);
}

TEST(CatalogReader, AStopAtNewYearReadsNoFileOfTheNewYear) {
  RecordingFetcher fetcher;
  const CatalogReader reader(fetcher, parse_endpoint("s3://demo-bucket/"));
  fetcher.fetched.clear();
  const auto listing = reader.files("demo_ds", parse_time("2020-06-01"), parse_time("2021-01-01"));
  EXPECT_EQ(fetcher.fetched, std::vector<std::string>{"s3://demo-bucket/ds/demo_ds_2020.csv"});
  EXPECT_EQ(listing.rows.size(), 2u);
}

TEST(CatalogReader, ARangeOutsideTheCoverageReadsNothing) {
  RecordingFetcher fetcher;
  const CatalogReader reader(fetcher, parse_endpoint("s3://demo-bucket/"));
  fetcher.fetched.clear();
  EXPECT_TRUE(reader.files("demo_ds", parse_time("2019-01-01"), parse_time("2019-12-01")).rows.empty());
  EXPECT_TRUE(fetcher.fetched.empty());
  EXPECT_THROW((void)reader.files("demo_ds", parse_time("2021-01-01"), parse_time("2021-01-01")),
               CatalogError);
}

TEST(CatalogReader, UnknownDatasetAndMissingCatalogAreNotFound) {
  RecordingFetcher fetcher;
  const CatalogReader reader(fetcher, parse_endpoint("s3://demo-bucket/"));
  try {
    (void)reader.dataset("MMS");
    FAIL();
  } catch (const CatalogNotFound& e) {
    EXPECT_NE(std::string(e.what()).find("no dataset \"MMS\" (it has: demo_ds)"), std::string::npos);
  }
  MemoryFetcher empty;
  EXPECT_THROW(CatalogReader(empty, parse_endpoint("s3://nothing-published/")), CatalogNotFound);
}

TEST(CatalogReader, MissingYearsAreSkippedAndBadIndexFilesNamed) {
  MemoryFetcher fetcher;
  fetcher.objects["s3://bkt/catalog.json"] = R"({"version": "1.1", "status": {"code": 1200}, "catalog": [
      {"id": "X", "index": "s3://bkt/x/", "title": "X", "start": "2018-01-01T00:00:00Z",
       "stop": "2020-12-31T00:00:00Z"}]})";
  fetcher.objects["s3://bkt/x/X_2020.csv"] =
      "# start, stop, datakey, filesize, checksum\n"
      "2020-01-01T00:00:00Z,2020-01-02T00:00:00Z,s3://bkt/x/a.cdf,10,abc\n";
  const CatalogReader reader(fetcher, parse_endpoint("s3://bkt/"));
  const auto listing = reader.files("X", parse_time("2018-01-01"), parse_time("2021-01-01"));
  EXPECT_EQ(listing.index_files_read, std::vector<std::string>{"s3://bkt/x/X_2020.csv"});
  EXPECT_EQ(listing.extra_columns, std::vector<std::string>{"checksum"});
  ASSERT_EQ(listing.rows.size(), 1u);
  EXPECT_EQ(listing.rows[0].extras, std::vector<std::string>{"abc"});

  fetcher.objects["s3://bkt/x/X_2019.csv"] =
      "# start, stop, datakey, filesize\n2019-01-01T00:00:00Z,2019-01-02T00:00:00Z,s3://bkt/x/b.cdf,ten\n";
  try {
    (void)reader.files("X", parse_time("2019-01-01"), parse_time("2019-02-01"));
    FAIL();
  } catch (const CatalogError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("s3://bkt/x/X_2019.csv:2: ", 0), 0u) << e.what();
  }
}

TEST(CatalogReader, IndexYears) {
  CatalogDataset d;
  d.start = parse_time("2015-03-01");
  d.stop = parse_time("2024-02-01");
  EXPECT_EQ(index_years(d, parse_time("2010-01-01"), parse_time("2030-01-01")), std::make_pair(2015, 2024));
  EXPECT_EQ(index_years(d, parse_time("2020-05-01"), parse_time("2021-01-01")), std::make_pair(2020, 2020));
  EXPECT_EQ(index_years(d, parse_time("2020-05-01"), parse_time("2021-01-01T00:00:00.000000001Z")),
            std::make_pair(2020, 2021));
  const auto none = index_years(d, parse_time("2025-01-01"), parse_time("2026-01-01"));
  EXPECT_GT(none.first, none.second);
}

}  // namespace
}  // namespace heliocloud::cloudcatalog
