// GET /datasets and GET /datasets/{bucket}/{id} against moto: dataset buckets published with the registry's
// own writers (catalog.json by build_catalog, the year files by format_index_file), read by the portal with
// the function's credentials.
#include <gtest/gtest.h>

#include <regex>

#include "aws/s3.h"
#include "portal_harness.h"
#include "registry/catalog.h"
#include "registry/index_file.h"

namespace aws = heliocloud::aws;
namespace registry = heliocloud::registry;
using namespace heliocloud::portal::testing;

namespace {

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// Publishes `rows_per_day` daily files from `first` for `days` days as dataset `id` of `bucket`.
registry::DatasetRecord publish(const aws::S3Client& s3, const std::string& bucket, const std::string& id,
                                const std::string& title, const std::string& first, int days) {
  registry::DatasetRecord record{
      .id = id,
      .index = {.bucket = bucket, .folder = "data/" + id},
      .title = title,
      .metadata = {{"description", "Test data of " + id}, {"resource", "https://example.org/" + id}},
      .start = registry::parse_time(first),
      .stop = {},
      .modification = registry::parse_time("2026-01-01"),
      .file_types = {"cdf"},
      .fraction_digits = 0,
      .extra_columns = {}};
  std::map<int, registry::IndexFile> years;
  for (int day = 0; day < days; ++day) {
    const registry::Instant start{.seconds = record.start.seconds + std::chrono::days(day), .nanos = 0};
    const registry::Instant stop{.seconds = start.seconds + std::chrono::hours(24) - std::chrono::seconds(1),
                                 .nanos = 0};
    const std::string name = id + "_" + registry::format_time(start, 0).substr(0, 10) + ".cdf";
    years[start.year()].rows.push_back({.start = start,
                                        .stop = stop,
                                        .datakey = "s3://" + bucket + "/" + record.index.key(name),
                                        .size = static_cast<std::uint64_t>(100 + day),
                                        .extras = {}});
    record.stop = stop;
  }
  for (const auto& [year, file] : years)
    s3.put_object(bucket, registry::index_file_key(record.index, id, year),
                  registry::format_index_file(file, 0));
  return record;
}

void publish_catalog(const aws::S3Client& s3, const std::string& bucket,
                     std::vector<registry::DatasetRecord> records) {
  const registry::RegistrySettings settings{.dataset_buckets = {bucket},
                                            .ingest_bucket = {},
                                            .catalog_name = "Test HelioCloud",
                                            .catalog_contact = "ops@example.org",
                                            .catalog_description = {},
                                            .requester_pays = false};
  s3.put_object(bucket, "catalog.json",
                registry::catalog_body(registry::build_catalog(settings, std::move(records))));
}

// Two buckets, made once for the suite: one with two datasets (MMS: 40 days over a new year; ACE: 600 days),
// one with nothing yet.
struct Buckets {
  std::string published;
  std::string empty;
};

const Buckets& buckets() {
  static const Buckets kMade = [] {
    const aws::S3Client s3(aws::testing::moto_config());
    Buckets b{.published = aws::testing::unique_name("pub"), .empty = aws::testing::unique_name("pub-empty")};
    s3.create_bucket(b.published);
    s3.create_bucket(b.empty);
    publish_catalog(s3, b.published,
                    {publish(s3, b.published, "MMS", "MMS <FPI> & friends", "2020-12-10", 40),
                     publish(s3, b.published, "ACE", "ACE magnetometer", "2019-03-01", 600)});
    return b;
  }();
  return kMade;
}

class DatasetsMoto : public ::testing::Test {
 protected:
  const std::string& published_ = buckets().published;
  const std::string& empty_ = buckets().empty;
  PortalHarness portal_{HarnessOptions{.identity_pool_id = {}, .dataset_buckets = {published_, empty_}}};
};

TEST_F(DatasetsMoto, TheListShowsEveryDatasetAndATimeline) {
  portal_.sign_in();
  const auto page = portal_.get("/datasets");
  ASSERT_EQ(page.status, 200) << page.body;
  const auto& html = page.body;
  EXPECT_TRUE(contains(html, "href=\"/datasets\">Datasets</a>"));  // the navigation
  EXPECT_TRUE(contains(html, "<a href=\"/datasets/" + published_ + "/MMS\">MMS</a>"));
  EXPECT_TRUE(contains(html, "MMS &lt;FPI&gt; &amp; friends"));  // escaped, never raw
  EXPECT_FALSE(contains(html, "<FPI>"));
  EXPECT_TRUE(contains(html, "2019-03-01 – 2020-10-20"));  // ACE's coverage
  EXPECT_TRUE(contains(html, "Test HelioCloud – s3://" + published_ + "/"));
  EXPECT_TRUE(contains(html, "Nothing published yet: s3://" + empty_ + "/catalog.json does not exist."));
  // One bar per dataset on one axis, 2019..2022 ticks.
  EXPECT_EQ(count(html, "class=\"timeline-bar\""), 2U);
  for (const char* year : {">2019<", ">2020<", ">2021<", ">2022<"}) EXPECT_TRUE(contains(html, year)) << year;
  EXPECT_TRUE(contains(html, "<title>MMS: 2020-12-10 – 2021-01-18</title>"));
  EXPECT_FALSE(contains(html, "<script"));
}

TEST_F(DatasetsMoto, TheDatasetPageDefaultsToTheLast30Days) {
  portal_.sign_in();
  const auto page = portal_.get("/datasets/" + published_ + "/MMS");
  ASSERT_EQ(page.status, 200) << page.body;
  const auto& html = page.body;
  EXPECT_TRUE(contains(html, "value=\"2020-12-20\""));  // coverage ends 2021-01-18T23:59:59Z
  EXPECT_TRUE(contains(html, "value=\"2021-01-19\""));
  EXPECT_TRUE(contains(html, "30 file(s)"));
  EXPECT_TRUE(contains(html, "from 2 index file(s)"));
  EXPECT_TRUE(contains(html, "Test data of MMS"));
  EXPECT_TRUE(contains(html, "<a href=\"https://example.org/MMS\""));
  const std::string key = "s3://" + published_ + "/data/MMS/MMS_2021-01-01.cdf";
  EXPECT_TRUE(
      contains(html, "<a href=\"https://" + published_ + ".s3.amazonaws.com/data/MMS/MMS_2021-01-01.cdf\">"));
  EXPECT_TRUE(contains(html, "<code class=\"small datakey\">" + key + "</code>"));
  EXPECT_FALSE(contains(html, "MMS_2020-12-19.cdf"));
}

TEST_F(DatasetsMoto, AChosenRangeAndTheRowCap) {
  portal_.sign_in();
  auto page = portal_.get("/datasets/" + published_ + "/MMS?start=2020-12-31T12:00:00Z&stop=2021-01-02");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "2 file(s)"));  // Dec 31 and Jan 1 (the client's overlap rule)
  EXPECT_TRUE(contains(page.body, "MMS_2020-12-31.cdf"));
  EXPECT_TRUE(contains(page.body, "MMS_2021-01-01.cdf"));
  EXPECT_FALSE(contains(page.body, "id=\"row-cap\""));

  page = portal_.get("/datasets/" + published_ + "/ACE?start=2019-01-01&stop=2021-01-01");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "600 file(s)"));
  EXPECT_TRUE(contains(page.body, "Showing the first 500 of 600 files"));
  EXPECT_EQ(count(page.body, "<tr class=\"file\">"), 500U);
}

TEST_F(DatasetsMoto, BadDatesAre400WithTheMessageAtTheField) {
  portal_.sign_in();
  const auto page = portal_.get("/datasets/" + published_ + "/MMS?start=yesterday&stop=2021-01-01");
  EXPECT_EQ(page.status, 400);
  EXPECT_TRUE(contains(page.body, "id=\"start-error\">start: &quot;yesterday&quot; is not a date"));
  EXPECT_TRUE(contains(page.body, "value=\"yesterday\""));
  EXPECT_FALSE(contains(page.body, "<tr class=\"file\">"));
  const auto reversed = portal_.get("/datasets/" + published_ + "/MMS?start=2021-01-05&stop=2021-01-01");
  EXPECT_EQ(reversed.status, 400);
  EXPECT_TRUE(contains(reversed.body, "stop: must be after start"));
}

TEST_F(DatasetsMoto, OnlyConfiguredBucketsAndKnownDatasets) {
  portal_.sign_in();
  // A bucket that exists and has a catalog, but is not this instance's: 404 (nothing read).
  const aws::S3Client s3(aws::testing::moto_config());
  const std::string other = aws::testing::unique_name("other");
  s3.create_bucket(other);
  publish_catalog(s3, other, {publish(s3, other, "SECRET", "not ours", "2020-01-01", 2)});
  EXPECT_EQ(portal_.get("/datasets/" + other + "/SECRET").status, 404);
  EXPECT_EQ(portal_.get("/datasets/" + published_ + "/NOPE").status, 404);
  EXPECT_EQ(portal_.get("/datasets/" + empty_ + "/MMS").status, 404);
}

TEST_F(DatasetsMoto, VisitorsAreSentToSignIn) {
  EXPECT_EQ(portal_.get("/datasets").status, 302);
  EXPECT_EQ(portal_.get("/datasets/" + published_ + "/MMS").status, 302);
}

}  // namespace
