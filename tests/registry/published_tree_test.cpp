// Reads the published tree (catalog.json + index files + data) back the way a CloudCatalog 1.1 client does.
#include <gtest/gtest.h>

#include <regex>

#include "cloudcatalog_reader.h"
#include "local_world.h"
#include "registry/catalog_service.h"
#include "registry/ingest_service.h"

namespace heliocloud::registry {
namespace {

using test::CloudCatalogReader;
using test::entry_json;
using test::fixture;
using test::LocalWorld;

class PublishedTree : public ::testing::Test {
 protected:
  void SetUp() override {
    w_.text_file("uploads", "job1/entries.json",
                 "[" + entry_json("MMS", "s3://helio-public/MMS", "MMS data") + "," +
                     R"({"id": "SDO", "index": "s3://helio-public/sdo/aia/", "title": "SDO AIA",
                        "tags": ["sun"], "multiyear": false, "contact": "x@example.com"}])");
    w_.upload_manifest_and_files("job1", "MMS", fixture("manifest/valid_multiple_years.csv"));
    // CloudCatalog columns, an extra column, a quoted key with a comma, offsets and a fraction.
    w_.text_file("uploads", "job1/SDO/manifest.csv",
                 "# start, stop, datakey, filesize, wavelength\n"
                 "2019-12-31T23:59:59.5Z,2020-01-01T00:00:11.5Z,\"aia/a,b.FITS\",11,171\n"
                 "2020-03-01T01:00:00+01:00,2020-03-01T00:00:12Z,aia/c.fts,12,193\n"
                 "2020-03-02,2020-03-02T00:00:12Z,aia/d.h5,13,\"1,600\"\n");
    w_.data_file("uploads", "job1/SDO/aia/a,b.FITS", 11);
    w_.data_file("uploads", "job1/SDO/aia/c.fts", 12);
    w_.data_file("uploads", "job1/SDO/aia/d.h5", 13);
    IngestService ingest(*w_.objects, *w_.records, w_.settings);
    const auto r = ingest.ingest(parse_job_location("uploads/job1"));
    ASSERT_TRUE(r.ok()) << r.to_json().dump(2);
    const auto c = CatalogService(*w_.objects, *w_.records, w_.settings).update();
    ASSERT_TRUE(c.ok()) << c.to_json().dump(2);
  }

  LocalWorld w_;
};

TEST_F(PublishedTree, CatalogFieldsAreWhatClientsAndTheSpecNeed) {
  CloudCatalogReader client(*w_.objects, "helio-public");
  const auto& cat = client.catalog();
  EXPECT_EQ(cat["version"], "1.1");
  EXPECT_EQ(cat["status"]["code"], 1200);
  EXPECT_EQ(cat["name"], "Test HelioCloud");
  EXPECT_EQ(cat["egress"], "free");
  EXPECT_FALSE(cat.contains("Cloudy"));
  static const std::regex kIso(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z)");
  for (const auto& e : cat["catalog"]) {
    for (const char* k : {"start", "stop", "modification"}) {
      EXPECT_TRUE(std::regex_match(e[k].get<std::string>(), kIso)) << e[k];
    }
    EXPECT_EQ(e["indextype"], "csv");
    EXPECT_EQ(e["filetype"].get<std::string>().find(' '), std::string::npos);
    EXPECT_EQ(e.dump().find("null"), std::string::npos);
  }
  const auto& sdo = client.entry("SDO");
  EXPECT_EQ(sdo["index"], "s3://helio-public/sdo/aia/");
  EXPECT_EQ(sdo["start"], "2019-12-31T23:59:59.500Z");
  EXPECT_EQ(sdo["stop"], "2020-03-02T00:00:12.000Z");
  EXPECT_EQ(sdo["filetype"], "fits,hdf5");
  EXPECT_EQ(sdo["tags"], nlohmann::json::array({"sun"}));
  EXPECT_FALSE(sdo.contains("multiyear"));
  EXPECT_EQ(client.entry("MMS")["filetype"], "cdf");
}

TEST_F(PublishedTree, IndexFilesHaveOneHeaderOneFormatAndAbsoluteDatakeysThatExist) {
  CloudCatalogReader client(*w_.objects, "helio-public");
  const auto mms = client.request("MMS", "2015-01-01T00:00:00Z", "2017-01-01T00:00:00Z");
  const auto sdo = client.request("SDO", "2019-01-01T00:00:00Z", "2021-01-01T00:00:00Z");
  EXPECT_EQ(client.headers(), (std::set<std::string>{"# start, stop, datakey, filesize",
                                                     "# start, stop, datakey, filesize, wavelength"}));
  ASSERT_EQ(mms.size(), 4U);
  ASSERT_EQ(sdo.size(), 3U);
  for (const auto* rows : {&mms, &sdo}) {
    for (const auto& row : *rows) {
      ASSERT_EQ(row.datakey.rfind("s3://helio-public/", 0), 0U) << row.datakey;
      const auto object =
          w_.objects->head("helio-public", row.datakey.substr(std::string("s3://helio-public/").size()));
      ASSERT_TRUE(object) << row.datakey << " does not exist";
      EXPECT_EQ(object->size, row.filesize) << row.datakey;
    }
  }
  EXPECT_EQ(sdo[0].datakey, "s3://helio-public/sdo/aia/aia/a,b.fits");
  EXPECT_EQ(sdo[0].extras, std::vector<std::string>{"171"});
  EXPECT_EQ(sdo[2].extras, std::vector<std::string>{"1,600"});
  // Sorted by start within each file; the 2019 row lives in SDO_2019.csv.
  EXPECT_EQ(format_time(sdo[1].start, 0), "2020-03-01T00:00:00Z");
  EXPECT_TRUE(w_.exists("helio-public", "sdo/aia/SDO_2019.csv"));
}

TEST_F(PublishedTree, TimeRangeQueriesFindTheRightRows) {
  CloudCatalogReader client(*w_.objects, "helio-public");
  // Half-open on the right: a file starting exactly at the query stop is excluded...
  auto rows = client.request("MMS", "2015-09-01T12:15:00Z", "2015-09-01T17:45:00Z");
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_NE(rows[0].datakey.find("20150901122054"), std::string::npos);
  // ...and a file ending exactly at the query start is included.
  rows = client.request("MMS", "2016-09-01T17:45:00Z", "2016-12-31T00:00:00Z");
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_NE(rows[0].datakey.find("20150901174500"), std::string::npos);
  rows = client.request("MMS", "2016-01-01T00:00:00Z", "2016-12-31T00:00:00Z");
  EXPECT_EQ(rows.size(), 2U);
  // Crossing the year boundary reads both year files.
  rows = client.request("SDO", "2019-12-31T00:00:00Z", "2020-03-01T00:30:00Z");
  EXPECT_EQ(rows.size(), 2U);
  EXPECT_THROW((void)client.request("MMS", "2010-01-01T00:00:00Z", "2011-01-01T00:00:00Z"),
               std::runtime_error);
}

TEST_F(PublishedTree, EmptyBucketCatalogIsReadable) {
  CloudCatalogReader client(*w_.objects, "helio-empty");
  EXPECT_TRUE(client.catalog()["catalog"].empty());
  EXPECT_THROW((void)client.entry("MMS"), std::out_of_range);
}

}  // namespace
}  // namespace heliocloud::registry
