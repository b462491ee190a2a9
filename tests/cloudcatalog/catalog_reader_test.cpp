#include "cloudcatalog/catalog_reader.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "cloudcatalog/errors.h"
#include "memory_fetcher.h"
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

using testing::MemoryFetcher;

std::vector<std::string> keys(const FileListing& listing) {
  std::vector<std::string> out;
  out.reserve(listing.rows.size());
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
  EXPECT_EQ(listing.rows[0].size, 300U);
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
  EXPECT_EQ(listing.index_files_read.size(), 2U);
}

TEST(CatalogReader, AStopAtNewYearReadsNoFileOfTheNewYear) {
  RecordingFetcher fetcher;
  const CatalogReader reader(fetcher, parse_endpoint("s3://demo-bucket/"));
  fetcher.fetched.clear();
  const auto listing = reader.files("demo_ds", parse_time("2020-06-01"), parse_time("2021-01-01"));
  EXPECT_EQ(fetcher.fetched, std::vector<std::string>{"s3://demo-bucket/ds/demo_ds_2020.csv"});
  EXPECT_EQ(listing.rows.size(), 2U);
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
  ASSERT_EQ(listing.rows.size(), 1U);
  EXPECT_EQ(listing.rows[0].extras, std::vector<std::string>{"abc"});

  fetcher.objects["s3://bkt/x/X_2019.csv"] =
      "# start, stop, datakey, filesize\n2019-01-01T00:00:00Z,2019-01-02T00:00:00Z,s3://bkt/x/b.cdf,ten\n";
  try {
    (void)reader.files("X", parse_time("2019-01-01"), parse_time("2019-02-01"));
    FAIL();
  } catch (const CatalogError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("s3://bkt/x/X_2019.csv:2: ", 0), 0U) << e.what();
  }
}

// A catalog of dataset X, 2019-2021, with the given year files (year -> rows after the header).
void publish_x(MemoryFetcher& fetcher, const std::map<int, std::string>& years) {
  fetcher.objects["s3://bkt/catalog.json"] = R"({"version": "1.1", "status": {"code": 1200}, "catalog": [
      {"id": "X", "index": "s3://bkt/x/", "title": "X", "start": "2019-01-01T00:00:00Z",
       "stop": "2021-12-31T00:00:00Z"}]})";
  for (const auto& [year, rows] : years)
    fetcher.objects["s3://bkt/x/X_" + std::to_string(year) + ".csv"] =
        "# start, stop, datakey, filesize\n" + rows;
}

std::string row(const std::string& start, const std::string& name) {
  return start + "," + start + ",s3://bkt/x/" + name + ",1\n";
}

// What a visitor was handed, in order, with what had been fetched by then.
class Recorder final : public FileVisitor {
 public:
  explicit Recorder(const MemoryFetcher& fetcher) : fetcher_(fetcher) {}
  void index_file(const std::string& uri, const std::vector<std::string>& /*extra_columns*/) override {
    events.push_back("file " + uri.substr(uri.rfind('/') + 1) + " (" +
                     std::to_string(fetcher_.fetched.size()) + " fetched)");
  }
  void rows(std::vector<registry::IndexRow>& rows) override {
    std::string names;
    for (const auto& r : rows) names += " " + r.datakey.substr(r.datakey.rfind('/') + 1);
    events.push_back("rows" + names);
  }
  void out_of_order(const std::string& uri, std::size_t rows) override {
    events.push_back("out of order " + uri.substr(uri.rfind('/') + 1) + " " + std::to_string(rows));
  }
  std::vector<std::string> events;

 private:
  const MemoryFetcher& fetcher_;
};

TEST(CatalogReaderStream, ARangeOverThreeYearFilesHandsEachYearOverBeforeReadingTheNext) {
  MemoryFetcher fetcher;
  publish_x(fetcher, {{2019, row("2019-03-01T00:00:00Z", "a") + row("2019-12-31T23:00:00Z", "b")},
                      {2020, row("2020-01-01T00:00:00Z", "c") + row("2020-07-01T00:00:00Z", "d")},
                      {2021, row("2021-01-01T00:00:00Z", "e") + row("2021-05-01T00:00:00Z", "f")}});
  const CatalogReader reader(fetcher, parse_endpoint("s3://bkt/"));
  Recorder recorder(fetcher);
  reader.stream("X", parse_time("2019-06-01"), parse_time("2021-02-01"), recorder);
  EXPECT_EQ(recorder.events,
            (std::vector<std::string>{"file X_2019.csv (2 fetched)", "rows b", "file X_2020.csv (3 fetched)",
                                      "rows c d", "file X_2021.csv (4 fetched)", "rows e"}));
}

TEST(CatalogReaderStream, AYearFileOutOfOrderIsSorted) {
  MemoryFetcher fetcher;
  publish_x(fetcher, {{2020, row("2020-07-01T00:00:00Z", "d") + row("2020-01-01T00:00:00Z", "c") +
                                 row("2020-01-01T00:00:00Z", "b")}});
  const CatalogReader reader(fetcher, parse_endpoint("s3://bkt/"));
  Recorder recorder(fetcher);
  reader.stream("X", parse_time("2019-01-01"), parse_time("2022-01-01"), recorder);
  EXPECT_EQ(recorder.events, (std::vector<std::string>{"file X_2020.csv (3 fetched)", "rows b c d"}));
}

TEST(CatalogReaderStream, ARowFiledUnderAnEarlierYearWaitsForItsPlace) {
  MemoryFetcher fetcher;
  // m starts in 2020 but is in the 2019 file; n starts in 2021 and no 2021 rows follow it.
  publish_x(fetcher, {{2019, row("2019-05-01T00:00:00Z", "a") + row("2020-03-01T00:00:00Z", "m") +
                                 row("2021-03-01T00:00:00Z", "n")},
                      {2020, row("2020-01-01T00:00:00Z", "c") + row("2020-07-01T00:00:00Z", "d")}});
  const CatalogReader reader(fetcher, parse_endpoint("s3://bkt/"));
  Recorder recorder(fetcher);
  reader.stream("X", parse_time("2019-01-01"), parse_time("2022-01-01"), recorder);
  EXPECT_EQ(recorder.events,
            (std::vector<std::string>{"file X_2019.csv (2 fetched)", "rows a", "file X_2020.csv (3 fetched)",
                                      "rows c m d", "rows n"}));
}

TEST(CatalogReaderStream, ARowFiledUnderALaterYearIsSaidToBeOutOfOrderAndStillFoundInPlace) {
  MemoryFetcher fetcher;
  publish_x(fetcher, {{2019, row("2019-05-01T00:00:00Z", "a") + row("2019-09-01T00:00:00Z", "b")},
                      {2020, row("2019-07-01T00:00:00Z", "m") + row("2020-02-01T00:00:00Z", "c")}});
  const CatalogReader reader(fetcher, parse_endpoint("s3://bkt/"));
  Recorder recorder(fetcher);
  reader.stream("X", parse_time("2019-01-01"), parse_time("2022-01-01"), recorder);
  EXPECT_EQ(recorder.events, (std::vector<std::string>{"file X_2019.csv (2 fetched)", "rows a b",
                                                       "file X_2020.csv (3 fetched)",
                                                       "out of order X_2020.csv 1", "rows m c"}));
  // All rows in hand, find_files puts it in its place, as one sort of every file would.
  EXPECT_EQ(keys(reader.files("X", parse_time("2019-01-01"), parse_time("2022-01-01"))),
            (std::vector<std::string>{"s3://bkt/x/a", "s3://bkt/x/m", "s3://bkt/x/b", "s3://bkt/x/c"}));
}

TEST(CatalogReaderStream, AnEmptyRangeHandsOverNoRows) {
  MemoryFetcher fetcher;
  publish_x(fetcher, {{2020, row("2020-07-01T00:00:00Z", "d")}});
  const CatalogReader reader(fetcher, parse_endpoint("s3://bkt/"));
  Recorder recorder(fetcher);
  reader.stream("X", parse_time("2020-08-01"), parse_time("2020-09-01"), recorder);
  EXPECT_EQ(recorder.events, std::vector<std::string>{"file X_2020.csv (2 fetched)"});
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
