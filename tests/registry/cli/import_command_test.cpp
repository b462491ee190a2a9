// `heliocloud registry import --local`: a dry run by default, --apply writes, a second run has nothing to do,
// --prune-backups; the exit status says whether everything could be converted.
#include <gtest/gtest.h>

#include "cli_runner.h"
#include "cloudcatalog_reader.h"
#include "import/original_tree.h"
#include "local_world.h"

namespace heliocloud::registry {
namespace {

using test::CliSandbox;
using test::LocalWorld;

TEST(HeliocloudCliImport, DryRunApplyAgainAndPrune) {
  LocalWorld w;
  CliSandbox box;
  box.write("instance/t.yaml", test::registry_instance_yaml("helio-public"));
  test::publish_as_original(*w.objects, "helio-public", {test::original_mms()});
  const auto original_catalog = w.read("helio-public", "catalog.json");
  const auto local =
      " --local --root " + (w.dir / "buckets").string() + " --instance-dir " + box.instance_dir();

  auto r = box.run("registry import" + local + " t");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("would rewrite s3://helio-public/catalog.json (1 dataset(s)); backup "
                       "s3://helio-public/.heliocloud-import-backup/"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("dataset MMS in helio-public: 4 rows, record would be created"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("dry run: nothing was written; run again with --apply to write these 3 change(s)"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(w.read("helio-public", "catalog.json"), original_catalog);

  r = box.run("registry import" + local + " t --apply");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  test::CloudCatalogReader client(*w.objects, "helio-public");
  EXPECT_EQ(client.request("MMS", "2015-01-01T00:00:00Z", "2016-01-01T00:00:00Z").size(), 2U);

  r = box.run("registry import" + local + " t --apply --json");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_TRUE(nlohmann::json::parse(r.out)["changes"].empty()) << r.out;

  r = box.run("registry import" + local + " t --prune-backups --apply");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("delete s3://helio-public/.heliocloud-import-backup/"), std::string::npos) << r.out;
  EXPECT_TRUE(w.objects->list("helio-public", ".heliocloud-import-backup/").empty());
}

TEST(HeliocloudCliImport, AnUnconvertibleLineFailsTheRunAndIsNamed) {
  LocalWorld w;
  CliSandbox box;
  box.write("instance/t.yaml", test::registry_instance_yaml("helio-public"));
  test::publish_as_original(*w.objects, "helio-public", {test::original_mms()});
  w.text_file("helio-public", "MMS/MMS_2016.csv",
              "# startDate, key, size\n'not a time','s3://helio-public/x.cdf','1'\n");
  const auto r = box.run("registry import --local --root " + (w.dir / "buckets").string() +
                         " --instance-dir " + box.instance_dir() + " t --apply");
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("s3://helio-public/MMS/MMS_2016.csv:2: "), std::string::npos) << r.out;
}

TEST(HeliocloudCliImport, LocalFlagsNeedLocal) {
  CliSandbox box;
  box.write("instance/t.yaml", test::registry_instance_yaml("helio-public"));
  const auto r = box.run("registry import t --root /tmp --instance-dir " + box.instance_dir());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("only apply with --local"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace heliocloud::registry
