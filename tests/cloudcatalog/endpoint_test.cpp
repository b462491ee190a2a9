#include "cloudcatalog/endpoint.h"

#include <gtest/gtest.h>

#include "cloudcatalog/errors.h"

namespace heliocloud::cloudcatalog {
namespace {

TEST(Endpoint, BucketFormsAllNameTheBucketRoot) {
  for (const char* text :
       {"s3://helio-public", "s3://helio-public/", "helio-public", "s3://helio-public/catalog.json"})
    EXPECT_EQ(parse_endpoint(text).catalog_uri(), "s3://helio-public/catalog.json") << text;
}

TEST(Endpoint, HttpBaseKeepsItsPath) {
  EXPECT_EQ(parse_endpoint("http://127.0.0.1:8765").catalog_uri(), "http://127.0.0.1:8765/catalog.json");
  EXPECT_EQ(parse_endpoint("https://example.org/hc/").catalog_uri(), "https://example.org/hc/catalog.json");
  EXPECT_EQ(parse_endpoint("https://example.org/hc/catalog.json").base, "https://example.org/hc/");
}

TEST(Endpoint, RefusesFoldersSchemesAndBadBuckets) {
  const auto message = [](const char* text) {
    try {
      (void)parse_endpoint(text);
    } catch (const CatalogError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(message("s3://helio-public/MMS/").find("not in a folder"), std::string::npos);
  EXPECT_NE(message("gs://bucket/").find("unknown scheme"), std::string::npos);
  EXPECT_NE(message("s3://Bad_Bucket").find("is not a bucket name"), std::string::npos);
  EXPECT_NE(message("https:///x").find("no host"), std::string::npos);
  EXPECT_NE(message("").find("give s3://BUCKET/"), std::string::npos);
}

TEST(Endpoint, SplitsS3Addresses) {
  const auto a = split_s3_uri("s3://b-1/k/x.csv");
  EXPECT_EQ(a.bucket, "b-1");
  EXPECT_EQ(a.key, "k/x.csv");
  EXPECT_THROW((void)split_s3_uri("s3://only-bucket"), CatalogError);
  EXPECT_THROW((void)split_s3_uri("https://x/y"), CatalogError);
}

TEST(Endpoint, PublicUrlOfAnObject) {
  EXPECT_EQ(public_url("s3://helio-public/MMS/a b+c.cdf"),
            "https://helio-public.s3.amazonaws.com/MMS/a%20b%2Bc.cdf");
  EXPECT_EQ(public_url("s3://helio.public/x.cdf"), "https://s3.amazonaws.com/helio.public/x.cdf");
  EXPECT_EQ(public_url("https://example.org/x.cdf"), "https://example.org/x.cdf");
}

}  // namespace
}  // namespace heliocloud::cloudcatalog
