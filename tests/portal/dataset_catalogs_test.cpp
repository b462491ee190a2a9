#include "portal/dataset_catalogs.h"

#include <gtest/gtest.h>

#include <map>

#include "cloudcatalog/errors.h"

namespace heliocloud::portal {
namespace {

using namespace std::chrono_literals;

class CountingFetcher final : public cloudcatalog::ObjectFetcher {
 public:
  std::optional<std::string> fetch(const std::string& uri) override {
    ++fetches[uri];
    const auto it = objects.find(uri);
    if (it == objects.end()) return std::nullopt;
    return it->second;
  }
  std::map<std::string, std::string> objects;
  std::map<std::string, int> fetches;
};

std::string catalog(const std::string& title, const std::string& index = "s3://pub-a/x/") {
  return R"({"version": "1.1", "status": {"code": 1200}, "catalog": [{"id": "X", "index": ")" + index +
         R"(", "title": ")" + title +
         R"(", "start": "2020-01-01T00:00:00Z", "stop": "2020-02-01T00:00:00Z"}]})";
}

struct Fixture {
  std::shared_ptr<CountingFetcher> fetcher = std::make_shared<CountingFetcher>();
  std::chrono::system_clock::time_point now;
  DatasetCatalogs catalogs{{"pub-a", "pub-b"}, fetcher, [this] { return now; }, 300s};
};

TEST(DatasetCatalogs, KeepsACatalogForTheCacheTime) {
  Fixture f;
  f.fetcher->objects["s3://pub-a/catalog.json"] = catalog("first");
  EXPECT_EQ(f.catalogs.catalog("pub-a")->datasets[0].title, "first");
  f.fetcher->objects["s3://pub-a/catalog.json"] = catalog("second");
  f.now += 299s;
  EXPECT_EQ(f.catalogs.catalog("pub-a")->datasets[0].title, "first");
  EXPECT_EQ(f.fetcher->fetches["s3://pub-a/catalog.json"], 1);
  f.now += 1s;
  EXPECT_EQ(f.catalogs.catalog("pub-a")->datasets[0].title, "second");
  EXPECT_EQ(f.fetcher->fetches["s3://pub-a/catalog.json"], 2);
}

TEST(DatasetCatalogs, FailuresAreNotCached) {
  Fixture f;
  EXPECT_THROW((void)f.catalogs.catalog("pub-b"), cloudcatalog::CatalogNotFound);
  f.fetcher->objects["s3://pub-b/catalog.json"] = catalog("now there", "s3://pub-b/x/");
  EXPECT_EQ(f.catalogs.catalog("pub-b")->datasets[0].title, "now there");
}

TEST(DatasetCatalogs, FilesGivesTheFirstRowsAndCountsThemAll) {
  Fixture f;
  f.fetcher->objects["s3://pub-a/catalog.json"] = catalog("x");
  // Out of order in the file: the summary's first rows are in index order all the same.
  f.fetcher->objects["s3://pub-a/x/X_2020.csv"] =
      "# start, stop, datakey, filesize\n"
      "2020-01-03T00:00:00Z,2020-01-04T00:00:00Z,s3://pub-a/x/c.cdf,300\n"
      "2020-01-01T00:00:00Z,2020-01-02T00:00:00Z,s3://pub-a/x/a.cdf,100\n"
      "2020-01-02T00:00:00Z,2020-01-03T00:00:00Z,s3://pub-a/x/b.cdf,200\n"
      "2020-01-05T00:00:00Z,2020-01-06T00:00:00Z,s3://pub-a/x/e.cdf,500\n"
      "2020-01-04T00:00:00Z,2020-01-05T00:00:00Z,s3://pub-a/x/d.cdf,400\n";
  const auto doc = f.catalogs.catalog("pub-a");
  const auto summary = f.catalogs.files(doc->datasets[0], registry::parse_time("2020-01-01"),
                                        registry::parse_time("2020-01-05"), 2);
  EXPECT_EQ(summary.count, 4U);  // e starts on the 5th: outside [start, stop)
  EXPECT_EQ(summary.bytes, 1000U);
  EXPECT_EQ(summary.index_files_read, 1U);
  ASSERT_EQ(summary.first_rows.size(), 2U);
  EXPECT_EQ(summary.first_rows[0].datakey, "s3://pub-a/x/a.cdf");
  EXPECT_EQ(summary.first_rows[1].datakey, "s3://pub-a/x/b.cdf");
}

TEST(DatasetCatalogs, OnlyConfiguredBucketsAndTheirIndexes) {
  Fixture f;
  EXPECT_TRUE(f.catalogs.configured("pub-b"));
  EXPECT_FALSE(f.catalogs.configured("someone-elses"));
  f.fetcher->objects["s3://pub-a/catalog.json"] = catalog("elsewhere", "s3://someone-elses/x/");
  const auto doc = f.catalogs.catalog("pub-a");
  try {
    (void)f.catalogs.files(doc->datasets[0], registry::parse_time("2020-01-01"),
                           registry::parse_time("2020-02-01"), 10);
    FAIL();
  } catch (const cloudcatalog::CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("outside this HelioCloud's dataset buckets"), std::string::npos);
  }
  EXPECT_EQ(f.fetcher->fetches.count("s3://someone-elses/x/X_2020.csv"), 0U);
}

}  // namespace
}  // namespace heliocloud::portal
