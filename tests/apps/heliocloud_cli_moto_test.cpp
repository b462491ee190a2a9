// `heliocloud ingest/catalog --local --endpoint URL` against moto: the same commands on S3 instead of a
// directory.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <random>

#include "aws/s3.h"
#include "cloudcatalog_reader.h"
#include "registry/aws/s3_object_store.h"

namespace heliocloud::registry {
namespace {

int run(const std::string& args) {
  const int raw = std::system((std::string(HELIOCLOUD_BIN) + " " + args + " >/dev/null 2>&1").c_str());
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

TEST(HeliocloudCliMoto, IngestAndCatalogOnAnS3Endpoint) {
  const char* endpoint = std::getenv("AWS_ENDPOINT_URL");
  ASSERT_TRUE(endpoint != nullptr && std::string(endpoint).find("127.0.0.1") != std::string::npos)
      << "run through ctest (moto fixture); refusing real AWS";
  const auto salt = std::to_string(std::random_device{}() % 1000000);
  const auto uploads = "cli-up-" + salt;
  const auto pub = "cli-pub-" + salt;
  aws::S3Client s3(aws::ClientConfig::from_environment());
  s3.create_bucket(uploads);
  s3.create_bucket(pub);
  s3.put_object(uploads, "j/entries.json",
                R"([{"id": "MMS", "index": "s3://)" + pub + R"(/MMS/", "title": "MMS"}])");
  s3.put_object(uploads, "j/MMS/manifest.csv",
                "#time, s3key, filesize\n2015-09-01T12:11:14Z,a.CDF,3\n2016-01-01,b.cdf,4\n");
  s3.put_object(uploads, "j/MMS/a.CDF", "abc");
  s3.put_object(uploads, "j/MMS/b.cdf", "abcd");

  const auto db = std::filesystem::temp_directory_path() / ("cli-moto-" + salt + ".sqlite3");
  const auto common =
      " --local --endpoint " + std::string(endpoint) + " --db " + db.string() + " --bucket " + pub;
  EXPECT_EQ(run("ingest" + common + " --ingest-bucket " + uploads + " j"), 0);
  EXPECT_EQ(run("catalog" + common + " --catalog-name n --catalog-contact c"), 0);
  // A rerun of the published job: "nothing to do: job ... was published at T", and success.
  EXPECT_EQ(run("ingest" + common + " --ingest-bucket " + uploads + " j"), 0);

  S3ObjectStore store(s3);
  test::CloudCatalogReader client(store, pub);
  const auto rows = client.request("MMS", "2015-01-01T00:00:00Z", "2017-01-01T00:00:00Z");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].datakey, "s3://" + pub + "/MMS/a.cdf");
  EXPECT_EQ(s3.get_object(pub, "MMS/a.cdf").body, "abc");
  std::filesystem::remove(db);
}

}  // namespace
}  // namespace heliocloud::registry
