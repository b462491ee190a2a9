// heliocloud datasets | files | get against moto: the CloudCatalog demo fixture in a bucket of its own, read
// anonymously (a public-read policy, as HelioCloud's dataset buckets have) or signed (--sign).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "aws/s3.h"
#include "cli_runner.h"
#include "demo_bucket.h"
#include "moto_support.h"

namespace heliocloud::registry {
namespace {

namespace fs = std::filesystem;
using heliocloud::aws::testing::moto_config;
using test::CliSandbox;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The fixture's catalog and index files, and each data file with the size its index row gives.
class CatalogClient : public ::testing::Test {
 protected:
  CatalogClient() : s3_(moto_config()), bucket_(aws::testing::unique_name("cc-cli")) {}

  void SetUp() override {
    s3_.create_bucket(bucket_);
    cloudcatalog::testing::upload_demo(s3_, bucket_, true);
  }

  void make_public() { cloudcatalog::testing::make_public(s3_, bucket_); }

  aws::S3Client s3_;
  std::string bucket_;
  CliSandbox cli_;
};

TEST_F(CatalogClient, DatasetsAsATableAndAsJson) {
  make_public();
  auto r = cli_.run("datasets s3://" + bucket_ + "/");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "demo_ds  2020-12-31T00:00:00Z  2021-01-02T12:00:00Z  Demo dataset")) << r.out;
  r = cli_.run("datasets " + bucket_ + " --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc.size(), 1U);
  EXPECT_EQ(doc[0]["id"], "demo_ds");
  EXPECT_EQ(doc[0]["stop"], "2021-01-02T12:00:00Z");
}

TEST_F(CatalogClient, FilesOfARangeAsCsvAndJson) {
  make_public();
  auto r =
      cli_.run("files s3://" + bucket_ + " demo_ds --start 2021-01-01 --stop 2021-01-02T06:00:00Z --csv");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "# start, stop, datakey, filesize\n"
            "2021-01-01T00:00:00Z,2021-01-01T23:59:59Z,s3://" +
                bucket_ +
                "/ds/f_20210101.cdf,300\n"
                "2021-01-02T00:00:00Z,2021-01-02T12:00:00Z,s3://" +
                bucket_ + "/ds/f_20210102.cdf,400\n");
  r = cli_.run("files s3://" + bucket_ + " demo_ds --json");  // default: the whole coverage
  ASSERT_EQ(r.status, 0) << r.err;
  const auto rows = nlohmann::json::parse(r.out);
  ASSERT_EQ(rows.size(), 4U);
  EXPECT_EQ(rows[0]["filesize"], 100);
  r = cli_.run("files s3://" + bucket_ + " demo_ds");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "4 files, 1.0 kB, from 2 index files")) << r.err;
}

// Rows are printed a year file at a time: what a misfiled index changes is said, and an error in a later year
// file ends the output there.
TEST_F(CatalogClient, FilesStreamedNoteAMisfiledRowAndStopAtABadLaterYear) {
  make_public();
  const std::string key = "ds/demo_ds_2021.csv";
  const std::string year_2021 = s3_.get_object(bucket_, key).body;
  // A row of 2020 filed under 2021, after the 2020 file's rows were printed.
  s3_.put_object(
      bucket_, key,
      year_2021 + "2020-12-31T06:00:00Z,2020-12-31T07:00:00Z,s3://" + bucket_ + "/ds/f_late.cdf,50\n");
  auto r = cli_.run("files s3://" + bucket_ + " demo_ds --csv");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto late = r.out.find("f_late.cdf");
  ASSERT_NE(late, std::string::npos) << r.out;
  EXPECT_LT(r.out.find("f_20201231b.cdf"), late);
  EXPECT_GT(r.out.find("f_20210101.cdf"), late);
  EXPECT_TRUE(contains(r.err, "heliocloud: note: s3://" + bucket_ + "/" + key +
                                  ": 1 rows start before rows of an earlier year file already listed"))
      << r.err;

  s3_.put_object(bucket_, key,
                 "# start, stop, datakey, filesize\n2021-01-01T00:00:00Z,2021-01-02T00:00:00Z,x,ten\n");
  r = cli_.run("files s3://" + bucket_ + " demo_ds --csv");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(contains(r.out, "f_20201231b.cdf")) << r.out;  // 2020 was printed before 2021 was read
  EXPECT_TRUE(contains(r.err, key + ":2: filesize is not a whole number")) << r.err;
}

TEST_F(CatalogClient, PrivateBucketsNeedSigning) {
  auto r = cli_.run("datasets s3://" + bucket_);
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(contains(r.err, "s3://" + bucket_ + "/catalog.json: cannot be read")) << r.err;
  r = cli_.run("datasets s3://" + bucket_ + " --sign");
  EXPECT_EQ(r.status, 0) << r.err;
}

TEST_F(CatalogClient, WrongInputsAreNamed) {
  make_public();
  auto r = cli_.run("files s3://" + bucket_ + " nope");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(contains(r.err, "no dataset \"nope\" (it has: demo_ds)")) << r.err;
  r = cli_.run("files s3://" + bucket_ + " demo_ds --start tomorrow");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "--start: ")) << r.err;
  r = cli_.run("files s3://" + bucket_ + "/ds/ demo_ds");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(contains(r.err, "not in a folder")) << r.err;
}

TEST_F(CatalogClient, GetDownloadsOnceAndSkipsWhatIsThere) {
  make_public();
  const fs::path out = cli_.dir / "out";
  const std::string get =
      "get s3://" + bucket_ + " demo_ds --start 2020-12-31T12:00:00Z --stop 2021-01-02 --out " + out.string();
  auto r = cli_.run(get);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "demo_ds: 2 downloaded (500 B), 0 already there, 0 failed")) << r.err;
  EXPECT_EQ(fs::file_size(out / "f_20201231b.cdf"), 200U);
  EXPECT_EQ(fs::file_size(out / "f_20210101.cdf"), 300U);
  EXPECT_FALSE(fs::exists(out / "f_20201231a.cdf"));

  std::ofstream(out / "f_20210101.cdf", std::ios::trunc) << "short";  // a broken earlier download
  r = cli_.run(get);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "demo_ds: 1 downloaded (300 B), 1 already there, 0 failed")) << r.err;
  EXPECT_EQ(fs::file_size(out / "f_20210101.cdf"), 300U);

  // An object that is not the size its index says is refused and nothing is left behind.
  s3_.put_object(bucket_, "ds/f_20201231a.cdf", "not 100 bytes");
  r = cli_.run("get s3://" + bucket_ + " demo_ds --start 2020-12-31 --stop 2020-12-31T06:00:00Z --out " +
               out.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(contains(r.err, "f_20201231a.cdf: got 13 bytes, the index says 100")) << r.err;
  EXPECT_FALSE(fs::exists(out / "f_20201231a.cdf"));
  EXPECT_FALSE(fs::exists(out / "f_20201231a.cdf.part"));
}

}  // namespace
}  // namespace heliocloud::registry
