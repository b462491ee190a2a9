// `heliocloud validate | ingest --local | catalog --local` end to end on a directory of buckets.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cloudcatalog_reader.h"
#include "local_world.h"

namespace heliocloud::registry {
namespace {

using test::fixture;
using test::LocalWorld;

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

Run heliocloud(const LocalWorld& w, const std::string& args) {
  const auto out = w.dir / "stdout.txt";
  const auto err = w.dir / "stderr.txt";
  const auto cmd = std::string(HELIOCLOUD_BIN) + " " + args + " >" + out.string() + " 2>" + err.string();
  const int raw = std::system(cmd.c_str());
  Run r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  const auto slurp = [](const std::filesystem::path& p) {
    std::ifstream in(p);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  };
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

void prepare_job(const LocalWorld& w) {
  w.text_file("uploads", "job1/entries.json",
              "[" + test::entry_json("MMS", "s3://helio-public/MMS/", "MMS data") + "]");
  w.upload_manifest_and_files("job1", "MMS", fixture("manifest/valid_multiple_years.csv"));
}

TEST(HeliocloudCli, HelpOnEveryCommand) {
  LocalWorld w;
  for (const char* cmd : {"--help", "validate --help", "ingest --help", "catalog --help"}) {
    const auto r = heliocloud(w, cmd);
    EXPECT_EQ(r.status, 0) << cmd;
    EXPECT_NE(r.out.find("Usage:"), std::string::npos) << cmd;
  }
  EXPECT_EQ(heliocloud(w, "").status, 2);
  EXPECT_EQ(heliocloud(w, "ingest --local --root " + w.dir.string()).status, 2);  // --bucket is required
}

TEST(HeliocloudCli, ValidateReportsProblemsWithFileAndLine) {
  LocalWorld w;
  prepare_job(w);
  auto r = heliocloud(w, "validate " + (w.bucket("uploads") / "job1").string());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("OK: 1 dataset(s), 4 file(s)"), std::string::npos) << r.out;

  w.text_file("uploads", "job1/MMS/manifest.csv", fixture("manifest/bad_data.csv"));
  r = heliocloud(w, "validate " + (w.bucket("uploads") / "job1").string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("MMS/manifest.csv:4: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("\"not_a_time\" is not an ISO 8601 time"), std::string::npos) << r.err;

  r = heliocloud(w, "validate " + (w.bucket("uploads") / "job1").string() + " --bucket other-bucket");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("not a dataset bucket of this instance (fix: use one of: other-bucket)"),
            std::string::npos);
  EXPECT_TRUE(w.exists("uploads", "job1/MMS/manifest.csv"));  // validate writes nothing
}

TEST(HeliocloudCli, IngestThenCatalogPublishesAReadableTree) {
  LocalWorld w;
  prepare_job(w);
  const auto root =
      " --local --root " + w.dir.string() + "/buckets --bucket helio-public --bucket helio-empty";
  auto r = heliocloud(w, "ingest" + root + " job1");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("MMS: 4 file(s), 13.0 MB, years 2015 2016"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("MMS: 4/4 files"), std::string::npos) << r.err;  // progress on stderr
  EXPECT_FALSE(w.exists("uploads", "job1"));

  r = heliocloud(
      w, "catalog" + root + " --catalog-name 'CLI test' --catalog-contact 'a@b.c' --requester-pays --json");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  const auto result = nlohmann::json::parse(r.out);
  EXPECT_EQ(result["buckets"][0]["endpoint"], "s3://helio-public/");
  EXPECT_EQ(result["buckets"][0]["datasets"], 1);
  EXPECT_EQ(result["buckets"][1]["datasets"], 0);

  test::CloudCatalogReader client(*w.objects, "helio-public");
  EXPECT_EQ(client.catalog()["egress"], "user-pays");
  EXPECT_EQ(client.request("MMS", "2015-01-01T00:00:00Z", "2017-01-01T00:00:00Z").size(), 4U);
  EXPECT_TRUE(std::filesystem::exists(w.dir / "buckets" / ".heliocloud-registry.sqlite3"));
}

TEST(HeliocloudCli, FailuresExitNonZero) {
  LocalWorld w;
  prepare_job(w);
  std::filesystem::remove(w.bucket("uploads") /
                          "job1/MMS/mms1/fgm/brst/l2/2015/09/01/"
                          "mms1_fgm_brst_l2_20150901121114_v4.18.0.cdf");
  const auto root = " --local --root " + w.dir.string() + "/buckets --bucket helio-public";
  auto r = heliocloud(w, "ingest" + root + " job1 --json");
  EXPECT_EQ(r.status, 1);
  const auto result = nlohmann::json::parse(r.out);
  EXPECT_EQ(result["ok"], false);
  EXPECT_NE(result["datasets"][0]["error"].get<std::string>().find("MMS/manifest.csv:2: "),
            std::string::npos);

  r = heliocloud(w, "ingest" + root + " no-such-job");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("entries.json: not found in s3://uploads/no-such-job/"), std::string::npos) << r.out;

  r = heliocloud(w, "ingest my-instance job1 --bucket helio-public");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--local"), std::string::npos);
  r = heliocloud(w, "ingest --local --root /nonexistent/dir --bucket helio-public job1");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("is not a directory"), std::string::npos);
}

}  // namespace
}  // namespace heliocloud::registry
