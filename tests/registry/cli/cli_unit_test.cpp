// The deployed-mode building blocks without AWS: stack name and outputs, function results and errors,
// printing, instance settings with flag overrides.
#include <gtest/gtest.h>

#include <sstream>

#include "cli_runner.h"
#include "config/instance_loader.h"
#include "registry/cli/deployed.h"
#include "registry/cli/instance_settings.h"
#include "registry/cli/registry_stack.h"
#include "registry/cli/result_printer.h"
#include "registry/cli/usage_error.h"

namespace heliocloud::registry::cli {
namespace {

aws::Stack deployed_stack() {
  aws::Stack s;
  s.name = "myhelioRegistry0D1C2B3A";
  s.status = "UPDATE_COMPLETE";
  s.outputs = {
      {.key = "IngesterFunctionName", .value = "myhelio-Ingester", .export_name = "", .description = ""},
      {.key = "CatalogerFunctionName", .value = "myhelio-Cataloger", .export_name = "", .description = ""},
      {.key = "IngestBucketName", .value = "myhelio-ingest", .export_name = "", .description = ""},
      {.key = "DatasetBucketNames", .value = "helio-one,helio-two", .export_name = "", .description = ""},
      {.key = "DatasetTableName", .value = "myhelio-datasets", .export_name = "", .description = ""}};
  return s;
}

std::string usage_error_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const UsageError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no UsageError";
  return "";
}

TEST(RegistryStack, NameIsTheCdkUniqueId) {
  EXPECT_EQ(registry_stack_name("heliocloud"), "heliocloudRegistryD345BE88");
}

TEST(RegistryStack, OutputsAreRead) {
  const auto r = registry_stack_from("myhelio", deployed_stack());
  EXPECT_EQ(r.stack_name, "myhelioRegistry0D1C2B3A");
  EXPECT_EQ(r.ingester_function, "myhelio-Ingester");
  EXPECT_EQ(r.cataloger_function, "myhelio-Cataloger");
  EXPECT_EQ(r.ingest_bucket, "myhelio-ingest");
  EXPECT_EQ(r.dataset_buckets, (std::vector<std::string>{"helio-one", "helio-two"}));
  EXPECT_EQ(r.dataset_table, "myhelio-datasets");
}

TEST(RegistryStack, MissingOutputsAndUnfinishedStacksAreExplained) {
  auto s = deployed_stack();
  s.outputs.erase(s.outputs.begin());
  s.outputs.pop_back();
  EXPECT_EQ(
      usage_error_of([&] { (void)registry_stack_from("myhelio", s); }),
      "the Registry stack myhelioRegistry0D1C2B3A of instance myhelio has no output IngesterFunctionName, "
      "DatasetTableName (it was deployed by an older installer?); deploy it with: cdk deploy "
      "myhelio/Registry "
      "-c instance=myhelio");
  s = deployed_stack();
  s.status = "ROLLBACK_COMPLETE";
  s.status_reason = "Bucket exists";
  EXPECT_EQ(
      usage_error_of([&] { (void)registry_stack_from("myhelio", s); }),
      "the Registry stack myhelioRegistry0D1C2B3A of instance myhelio is ROLLBACK_COMPLETE (Bucket exists); "
      "deploy it with: cdk deploy myhelio/Registry -c instance=myhelio");
  s.status = "UPDATE_ROLLBACK_COMPLETE";  // the previous version is still deployed and usable
  EXPECT_NO_THROW((void)registry_stack_from("myhelio", s));
}

TEST(FunctionResult, ResultsAndFunctionErrors) {
  aws::InvokeResult ok;
  ok.payload = R"({"ok": true, "problems": [], "datasets": []})";
  EXPECT_EQ(function_result("fn", ok)["ok"], true);

  aws::InvokeResult failed;
  failed.function_error = "Unhandled";
  failed.payload =
      R"({"errorType": "InvalidEvent", "errorMessage": "the ingest event has no \"job_folder\""})";
  try {
    (void)function_result("hc-Ingester", failed);
    FAIL();
  } catch (const FunctionFailed& e) {
    EXPECT_STREQ(e.what(), "hc-Ingester failed: InvalidEvent: the ingest event has no \"job_folder\"");
  }
  failed.payload = "Task timed out after 900.10 seconds";
  failed.log_tail = "ingest MMS: copying 10 file(s)\n";
  try {
    (void)function_result("hc-Ingester", failed);
    FAIL();
  } catch (const FunctionFailed& e) {
    EXPECT_STREQ(e.what(),
                 "hc-Ingester failed: Unhandled: Task timed out after 900.10 seconds\n"
                 "last log lines:\ningest MMS: copying 10 file(s)\n");
  }
  aws::InvokeResult odd;
  odd.payload = "Simple Lambda happy path OK";
  EXPECT_THROW((void)function_result("fn", odd), FunctionFailed);
  odd.payload = "[1]";
  EXPECT_THROW((void)function_result("fn", odd), FunctionFailed);
}

TEST(ResultPrinter, IngestAndCatalog) {
  const auto ingest = nlohmann::ordered_json::parse(R"({"ok": false, "problems": [],
      "datasets": [{"id": "MMS", "files_added": 4, "bytes": 13000000, "years": [2015, 2016]},
                   {"id": "BAD", "files_added": 0, "bytes": 0, "years": [], "error": "BAD/manifest.csv:2: x\nBAD/manifest.csv:3: y"}]})");
  std::ostringstream out;
  EXPECT_FALSE(print_ingest_result(ingest, false, out));
  EXPECT_EQ(out.str(),
            "MMS: 4 file(s), 13.0 MB, years 2015 2016\nBAD: FAILED\n  BAD/manifest.csv:2: x\n  "
            "BAD/manifest.csv:3: y\n");

  const auto catalog = nlohmann::ordered_json::parse(R"({"ok": true, "problems": [],
      "buckets": [{"endpoint": "s3://helio-one/", "datasets": 2}]})");
  std::ostringstream c;
  EXPECT_TRUE(print_catalog_result(catalog, false, c));
  EXPECT_EQ(c.str(), "s3://helio-one/catalog.json: 2 dataset(s)\n");

  std::ostringstream j;
  EXPECT_TRUE(print_catalog_result(catalog, true, j));
  EXPECT_EQ(nlohmann::json::parse(j.str()), nlohmann::json(catalog));
  std::ostringstream bad;
  EXPECT_THROW(print_ingest_result(nlohmann::ordered_json{{"job_folder", "x"}}, false, bad),
               std::runtime_error);
}

TEST(InstanceSettings, FromTheFileThenFlags) {
  test::CliSandbox box;
  box.write("instance/t.yaml", test::registry_instance_yaml("helio-one", "  ingestBucketName: t-ingest\n"));
  const auto instance = load_instance(box.instance_dir(), "t");
  auto s = settings_from_instance(instance);
  EXPECT_EQ(s.dataset_buckets, std::vector<std::string>{"helio-one"});
  EXPECT_EQ(s.ingest_bucket, "t-ingest");
  EXPECT_EQ(s.catalog_name, "Instance Catalog");
  EXPECT_EQ(s.catalog_contact, "ops@example.org");
  EXPECT_FALSE(s.requester_pays);
  EXPECT_EQ(region_for(std::nullopt, instance), "us-east-1");
  EXPECT_EQ(region_for(std::string("eu-west-1"), instance), "eu-west-1");

  SettingsOverrides o;
  EXPECT_FALSE(o.any());
  o.dataset_buckets = {"other-bucket"};
  o.catalog_name = "Flag Catalog";
  o.requester_pays = true;
  EXPECT_TRUE(o.any());
  o.apply(s);
  EXPECT_EQ(s.dataset_buckets, std::vector<std::string>{"other-bucket"});
  EXPECT_EQ(s.catalog_name, "Flag Catalog");
  EXPECT_EQ(s.catalog_contact, "ops@example.org");
  EXPECT_TRUE(s.requester_pays);

  const auto missing = usage_error_of([&] { (void)load_instance(box.instance_dir(), "nope"); });
  EXPECT_NE(missing.find("nope.yaml: no such instance file"), std::string::npos) << missing;
  EXPECT_NE(missing.find("/: t (set --instance-dir"), std::string::npos) << missing;
  box.write("instance/broken.yaml", "registry:\n  requesterPays: sometimes\n");
  const auto broken = usage_error_of([&] { (void)load_instance(box.instance_dir(), "broken"); });
  EXPECT_NE(broken.find("broken.yaml:2: registry.requesterPays"), std::string::npos) << broken;
}

}  // namespace
}  // namespace heliocloud::registry::cli
