#include "cloudcatalog/catalog_document.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cloudcatalog/errors.h"

namespace heliocloud::cloudcatalog {
namespace {

std::string read(const std::string& name) {
  std::ifstream in(std::string(HELIOCLOUD_CLOUDCATALOG_TEST_DATA) + "/" + name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string error_of(const std::string& text) {
  try {
    (void)parse_catalog(text, "s3://b/catalog.json");
  } catch (const CatalogError& e) {
    return e.what();
  }
  return "accepted";
}

const std::string kEntry =
    R"({"id": "MMS", "index": "s3://b/mms/", "title": "MMS", "start": "2020-01-01T00:00:00Z",
        "stop": "2021-06-01T00:00:00Z"})";

std::string catalog_with(const std::string& entries, const std::string& top = R"("version": "1.1")") {
  return "{" + top + R"(, "status": {"code": 1200, "message": "OK"}, "catalog": [)" + entries + "]}";
}

TEST(CatalogDocument, ReadsTheDemoFixture) {
  const auto doc = parse_catalog(read("demo-bucket/catalog.json"), "s3://demo-bucket/catalog.json");
  EXPECT_EQ(doc.version, "1.0");
  EXPECT_EQ(doc.name, "Demo CloudCatalog");
  EXPECT_EQ(doc.egress, "public, no-egress");
  ASSERT_EQ(doc.datasets.size(), 1U);
  const auto& d = doc.datasets[0];
  EXPECT_EQ(d.id, "demo_ds");
  EXPECT_EQ(d.title, "Demo dataset");
  EXPECT_EQ(registry::format_time(d.start, 0), "2020-12-31T00:00:00Z");
  EXPECT_EQ(registry::format_time(d.stop, 0), "2021-01-02T12:00:00Z");
  EXPECT_EQ(d.file_types, std::vector<std::string>{"cdf"});
  EXPECT_EQ(d.index_file_uri(2021), "s3://demo-bucket/ds/demo_ds_2021.csv");
  EXPECT_EQ(doc.find("demo_ds"), &d);
  EXPECT_EQ(doc.find("other"), nullptr);
}

TEST(CatalogDocument, ReadsTheGsfcCatalogWithTheOriginalsCloudyKey) {
  const auto doc = parse_catalog(read("gsfc_catalog_stub.json"), "gsfc");
  EXPECT_EQ(doc.version, "0.6");
  ASSERT_EQ(doc.datasets.size(), 2U);
  EXPECT_EQ(doc.datasets[0].id, "WI_EPACT_STEP-DIRECTIONAL-DIFF-HE-FLUX-10MIN");
  EXPECT_TRUE(doc.datasets[0].file_types.empty());  // that catalog has no filetype
  EXPECT_EQ(doc.datasets[1].start.year(), 1995);
}

TEST(CatalogDocument, SplitsFileTypesAndAcceptsTheOriginalsList) {
  auto doc = parse_catalog(catalog_with(R"({"id": "A", "index": "s3://b/a/", "title": "A",
      "start": "2020-01-01T00:00:00Z", "stop": "2020-01-02T00:00:00Z", "filetype": "fits,cdf"})"),
                           "x");
  EXPECT_EQ(doc.datasets[0].file_types, (std::vector<std::string>{"fits", "cdf"}));
  doc = parse_catalog(catalog_with(R"({"id": "A", "index": "s3://b/a/", "title": "A",
      "start": "2020-01-01T00:00:00Z", "stop": "2020-01-02T00:00:00Z", "filetype": ["cdf"]})"),
                      "x");
  EXPECT_EQ(doc.datasets[0].file_types, std::vector<std::string>{"cdf"});
}

TEST(CatalogDocument, ErrorsNameTheObjectAndWhere) {
  EXPECT_EQ(error_of("{\n  \"version\": \"1.1\",\n  oops\n}").rfind("s3://b/catalog.json:3: not JSON", 0), 0U)
      << error_of("{\n  \"version\": \"1.1\",\n  oops\n}");
  EXPECT_NE(error_of(catalog_with(kEntry, R"("name": "x")")).find("version: missing"), std::string::npos);
  EXPECT_NE(error_of(catalog_with(kEntry, R"("version": "0.3")")).find("pre-0.5"), std::string::npos);
  EXPECT_NE(error_of(catalog_with(kEntry, R"("version": "1.1.0")")).find("is not a number"),
            std::string::npos);
  EXPECT_NE(
      error_of(R"({"version": "1.1", "status": "1200/OK", "catalog": []})").find("status: must be an object"),
      std::string::npos);
  EXPECT_NE(
      error_of(R"({"version": "1.1", "status": {"code": 1400, "message": "maintenance"}, "catalog": []})")
          .find("temporarily unavailable (status 1400: maintenance)"),
      std::string::npos);
  const std::string no_slash = R"({"id": "MMS", "index": "s3://b/mms", "title": "MMS",
      "start": "2020-01-01T00:00:00Z", "stop": "2021-06-01T00:00:00Z"})";
  EXPECT_NE(error_of(catalog_with(kEntry + "," + no_slash)).find("catalog[1] (id \"MMS\").index"),
            std::string::npos);
  const std::string bad_time = R"({"id": "B", "index": "s3://b/b/", "title": "B",
      "start": "yesterday", "stop": "2021-06-01T00:00:00Z"})";
  EXPECT_NE(error_of(catalog_with(bad_time)).find("catalog[0] (id \"B\").start"), std::string::npos);
  EXPECT_NE(error_of(catalog_with(kEntry + "," + kEntry)).find("\"MMS\" is listed twice"), std::string::npos);
  const std::string no_title = R"({"id": "C", "index": "s3://b/c/", "start": "2020-01-01T00:00:00Z",
      "stop": "2020-01-02T00:00:00Z"})";
  EXPECT_NE(error_of(catalog_with(no_title)).find("title: missing"), std::string::npos);
}

}  // namespace
}  // namespace heliocloud::cloudcatalog
