// `heliocloud ... --local <instance>`: the registry settings come from the instance file, flags override
// them; and the usage errors of the deployed-mode commands that need no AWS to be detected.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "cloudcatalog_reader.h"
#include "local_world.h"

namespace heliocloud::registry {
namespace {

using test::CliSandbox;
using test::LocalWorld;

TEST(HeliocloudCliInstance, LocalIngestAndCatalogTakeTheInstanceSettings) {
  LocalWorld w;
  CliSandbox box;
  box.write("instance/t.yaml", test::registry_instance_yaml("helio-public", "  ingestBucketName: uploads\n"));
  w.text_file("uploads", "job1/entries.json",
              "[" + test::entry_json("MMS", "s3://helio-public/MMS/", "MMS") + "]");
  w.upload_manifest_and_files("job1", "MMS", test::fixture("manifest/valid.csv"));
  const auto local =
      " --local --root " + (w.dir / "buckets").string() + " --instance-dir " + box.instance_dir();

  auto r = box.run("ingest" + local + " t job1");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("MMS: "), std::string::npos) << r.out;

  r = box.run("catalog" + local + " t --json");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["buckets"].size(), 1U);  // only the instance's dataset bucket
  test::CloudCatalogReader client(*w.objects, "helio-public");
  EXPECT_EQ(client.catalog()["name"], "Instance Catalog");
  EXPECT_EQ(client.catalog()["egress"], "free");

  // Flags override the file.
  r = box.run("catalog" + local +
              " t --catalog-name 'Flag Catalog' --requester-pays --bucket helio-public --bucket helio-empty");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("s3://helio-empty/catalog.json: 0 dataset(s)"), std::string::npos) << r.out;
  test::CloudCatalogReader again(*w.objects, "helio-public");
  EXPECT_EQ(again.catalog()["name"], "Flag Catalog");
  EXPECT_EQ(again.catalog()["contact"], "ops@example.org");
  EXPECT_EQ(again.catalog()["egress"], "user-pays");
}

TEST(HeliocloudCliInstance, UsageErrorsNameTheFix) {
  CliSandbox box;
  box.write("instance/t.yaml", test::registry_instance_yaml("helio-public"));
  box.write("instance/off.yaml", "enabled:\n  registry: False\n");
  const auto dir = " --instance-dir " + box.instance_dir();

  auto r = box.run("ingest nope job1" + dir);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("nope.yaml: no such instance file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("instances in " + box.instance_dir() + "/: off, t"), std::string::npos) << r.err;

  r = box.run("ingest t job1 --bucket helio-public" + dir);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("only apply with --local"), std::string::npos) << r.err;

  r = box.run("catalog off" + dir);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("off.yaml: enabled.registry is false"), std::string::npos) << r.err;

  r = box.run("catalog --local --root " + box.dir.string() + " --bucket helio-public");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--catalog-name and --catalog-contact are required without an instance"),
            std::string::npos);

  r = box.run("ingest --local --root " + box.dir.string() + " job1");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--bucket is required without an instance"), std::string::npos) << r.err;

  r = box.run("upload " + (box.dir / "missing").string() + " t job1" + dir);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("missing is not a directory"), std::string::npos) << r.err;

  r = box.run("validate s3://Not_A_Bucket/job");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("is not a valid bucket name"), std::string::npos) << r.err;

  for (const char* help : {"upload --help", "ingest --help", "catalog --help", "validate --help"}) {
    r = box.run(help);
    EXPECT_EQ(r.status, 0) << help;
    EXPECT_NE(r.out.find("Usage:"), std::string::npos) << help;
  }
}

}  // namespace
}  // namespace heliocloud::registry
