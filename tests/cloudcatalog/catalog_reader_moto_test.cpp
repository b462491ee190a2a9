// The reader over S3 (moto): signed with the test's credentials, and anonymous on a bucket that a public-read
// policy opens (what HelioCloud's dataset buckets are), refused on one without.
#include <gtest/gtest.h>

#include "aws/s3.h"
#include "cloudcatalog/catalog_reader.h"
#include "cloudcatalog/errors.h"
#include "demo_bucket.h"
#include "moto_support.h"

namespace heliocloud::cloudcatalog {
namespace {

using aws::testing::moto_config;
using registry::parse_time;

// The demo fixture uploaded to a fresh bucket (its addresses rewritten to that bucket).
class MotoCatalog : public ::testing::Test {
 protected:
  MotoCatalog() : s3_(moto_config()), bucket_(aws::testing::unique_name("cc-demo")) {}

  void SetUp() override {
    s3_.create_bucket(bucket_);
    testing::upload_demo(s3_, bucket_, false);
  }

  void make_public() { testing::make_public(s3_, bucket_); }

  aws::S3Client s3_;
  std::string bucket_;
};

TEST_F(MotoCatalog, SignedReadOfCatalogAndYears) {
  S3Fetcher fetcher({.config = moto_config(), .anonymous = false});
  const CatalogReader reader(fetcher, parse_endpoint("s3://" + bucket_ + "/"));
  ASSERT_EQ(reader.catalog().datasets.size(), 1U);
  const auto listing =
      reader.files("demo_ds", parse_time("2020-12-31T12:00:00Z"), parse_time("2021-01-01T12:00:00Z"));
  ASSERT_EQ(listing.rows.size(), 2U);
  EXPECT_EQ(listing.rows[0].datakey, "s3://" + bucket_ + "/ds/f_20201231b.cdf");
  EXPECT_EQ(listing.rows[1].datakey, "s3://" + bucket_ + "/ds/f_20210101.cdf");
  EXPECT_EQ(listing.index_files_read.size(), 2U);
}

TEST_F(MotoCatalog, AnonymousReadOfAPublicBucket) {
  make_public();
  S3Fetcher fetcher({.config = moto_config(), .anonymous = true});
  const CatalogReader reader(fetcher, parse_endpoint(bucket_));
  EXPECT_EQ(reader.files("demo_ds", parse_time("2020-01-01"), parse_time("2022-01-01")).rows.size(), 4U);
}

TEST_F(MotoCatalog, AnonymousReadOfAPrivateBucketIsRefusedByName) {
  S3Fetcher fetcher({.config = moto_config(), .anonymous = true});
  try {
    const CatalogReader reader(fetcher, parse_endpoint(bucket_));
    FAIL() << "an anonymous request read a private bucket";
  } catch (const CatalogError& e) {
    EXPECT_NE(std::string(e.what()).find("s3://" + bucket_ + "/catalog.json"), std::string::npos) << e.what();
  }
}

TEST_F(MotoCatalog, AMissingCatalogIsNotFound) {
  s3_.delete_object(bucket_, "catalog.json");
  S3Fetcher fetcher({.config = moto_config(), .anonymous = false});
  EXPECT_THROW(CatalogReader(fetcher, parse_endpoint(bucket_)), CatalogNotFound);
}

}  // namespace
}  // namespace heliocloud::cloudcatalog
