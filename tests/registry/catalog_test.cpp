#include "registry/catalog.h"

#include <gtest/gtest.h>

namespace heliocloud::registry {
namespace {

DatasetRecord record(const std::string& id) {
  DatasetRecord r;
  r.id = id;
  r.index = {.bucket = "helio-public", .folder = id};
  r.title = id + " data";
  r.start = parse_time("2015-09-01T12:11:14Z");
  r.stop = parse_time("2016-09-01T17:45:00Z");
  r.modification = parse_time("2026-11-25T10:00:00Z");
  r.file_types = {"fits", "cdf"};
  return r;
}

TEST(Catalog, WritesSpec11DocumentSortedById) {
  RegistrySettings s;
  s.catalog_name = "HelioCloud test";
  s.catalog_contact = "Dr. Contact, dr@example.com";
  s.requester_pays = true;
  auto mms = record("MMS");
  mms.metadata =
      nlohmann::ordered_json::parse(R"({"description":"d","about":"https://x","multiyear":true,"zeta":1})");
  const auto doc = build_catalog(s, {mms, record("ABC")});
  EXPECT_EQ(catalog_body(doc), R"({
  "version": "1.1",
  "name": "HelioCloud test",
  "contact": "Dr. Contact, dr@example.com",
  "egress": "user-pays",
  "status": {
    "code": 1200,
    "message": "OK"
  },
  "catalog": [
    {
      "id": "ABC",
      "index": "s3://helio-public/ABC/",
      "title": "ABC data",
      "start": "2015-09-01T12:11:14Z",
      "stop": "2016-09-01T17:45:00Z",
      "modification": "2026-11-25T10:00:00Z",
      "indextype": "csv",
      "filetype": "fits,cdf"
    },
    {
      "id": "MMS",
      "index": "s3://helio-public/MMS/",
      "title": "MMS data",
      "start": "2015-09-01T12:11:14Z",
      "stop": "2016-09-01T17:45:00Z",
      "modification": "2026-11-25T10:00:00Z",
      "indextype": "csv",
      "filetype": "fits,cdf",
      "description": "d",
      "about": "https://x",
      "multiyear": true,
      "zeta": 1
    }
  ]
}
)");
}

TEST(Catalog, EmptyBucketHasEmptyCatalogAndNoNulls) {
  RegistrySettings s;
  s.catalog_name = "n";
  s.catalog_contact = "c";
  s.catalog_description = "desc";
  const auto doc = build_catalog(s, {});
  EXPECT_EQ(doc["catalog"], nlohmann::ordered_json::array());
  EXPECT_EQ(doc["egress"], "free");
  EXPECT_EQ(doc["description"], "desc");
  EXPECT_EQ(doc["status"]["code"], 1200);
  EXPECT_FALSE(doc.contains("Cloudy"));
  EXPECT_EQ(catalog_body(doc).find("null"), std::string::npos);
}

TEST(Catalog, UsesTheDatasetPrecision) {
  auto r = record("A");
  r.start.nanos = 500'000'000;
  r.fraction_digits = 3;
  const auto doc = build_catalog({}, {r});
  EXPECT_EQ(doc["catalog"][0]["start"], "2015-09-01T12:11:14.500Z");
  EXPECT_EQ(doc["catalog"][0]["stop"], "2016-09-01T17:45:00.000Z");
  EXPECT_EQ(doc["catalog"][0]["modification"], "2026-11-25T10:00:00Z");
}

TEST(DatasetRecord, ApplyIngestWidensRangeAndUnitesTypes) {
  Entry e;
  e.id = "MMS";
  e.index = {.bucket = "helio-public", .folder = "MMS"};
  e.title = "new title";
  auto old = record("MMS");
  old.extra_columns = {"checksum"};
  IngestDelta d;
  d.start = parse_time("2014-01-01T00:00:00Z");
  d.stop = parse_time("2016-01-01T00:00:00Z");
  d.file_types = {"hdf5", "cdf"};
  d.fraction_digits = 3;
  const auto now = parse_time("2027-01-01T00:00:00Z");
  const auto r = apply_ingest(old, e, d, now);
  EXPECT_EQ(r.start, d.start);
  EXPECT_EQ(r.stop, old.stop);  // max: the old stop is later
  EXPECT_EQ(r.modification, now);
  EXPECT_EQ(r.file_types, (std::vector<std::string>{"fits", "cdf", "hdf5"}));
  EXPECT_EQ(r.title, "new title");
  EXPECT_EQ(r.fraction_digits, 3);
  EXPECT_EQ(r.extra_columns, old.extra_columns);
  EXPECT_EQ(record_from_json(to_json(r)), r);
}

}  // namespace
}  // namespace heliocloud::registry
