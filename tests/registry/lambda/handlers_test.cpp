// The ingest and catalog handlers as plain functions over the local stores: event checks, results, error
// types.
#include "registry/lambda/handlers.h"

#include <gtest/gtest.h>

#include "cloudcatalog_reader.h"
#include "local_world.h"

namespace heliocloud::registry::lambda {
namespace {

using nlohmann::json;
using test::fixture;
using test::LocalWorld;

LambdaEnvironment env_of(const LocalWorld& w) {
  LambdaEnvironment env;
  env.settings = w.settings;
  env.dataset_table = "unused-here";
  return env;
}

// The InvalidEvent message for `event`.
std::string invalid_event(const json& event, const LambdaEnvironment& env) {
  try {
    (void)ingest_job_of(event, env);
  } catch (const HandlerError& e) {
    EXPECT_EQ(e.type(), "InvalidEvent");
    return e.what();
  }
  ADD_FAILURE() << "accepted " << event.dump();
  return "";
}

TEST(RegistryHandlers, IngestEventNamesAJobInTheIngestBucket) {
  LocalWorld w;
  const auto env = env_of(w);
  EXPECT_EQ(ingest_job_of(json{{"job_folder", "job1"}}, env).key("entries.json"), "job1/entries.json");
  EXPECT_EQ(ingest_job_of(json{{"job_folder", "a/job1/"}}, env).folder, "a/job1");
  const auto full = ingest_job_of(json{{"job_folder", "s3://uploads/job2"}}, env);
  EXPECT_EQ(full.bucket, "uploads");
  EXPECT_EQ(full.folder, "job2");

  const std::string send = "send {\"job_folder\": \"<job folder in s3://uploads/>\"}";
  EXPECT_EQ(invalid_event(json::array(), env), "the ingest event is a JSON array; " + send);
  EXPECT_EQ(invalid_event(json::object(), env), "the ingest event has no \"job_folder\"; " + send);
  EXPECT_EQ(invalid_event(json{{"job_folder", 3}}, env),
            "\"job_folder\" must be a non-empty string, not number; " + send);
  EXPECT_EQ(invalid_event(json{{"job_folder", ""}}, env),
            "\"job_folder\" must be a non-empty string, not \"\"; " + send);
  EXPECT_EQ(invalid_event(json{{"job_folder", "s3://helio-public/job"}}, env),
            "\"job_folder\": \"s3://helio-public/job\" is not in the ingest bucket uploads; " + send);
  EXPECT_NE(invalid_event(json{{"job_folder", "../etc"}}, env).find("\"job_folder\": \"uploads/../etc\": "),
            std::string::npos);
  EXPECT_NE(invalid_event(json{{"job_folder", "/"}}, env).find("is the bucket root"), std::string::npos);
}

TEST(RegistryHandlers, IngestThenCatalogReturnTheServiceResults) {
  LocalWorld w;
  const auto env = env_of(w);
  w.text_file("uploads", "job1/entries.json",
              "[" + test::entry_json("MMS", "s3://helio-public/MMS/", "MMS") + "]");
  w.upload_manifest_and_files("job1", "MMS", fixture("manifest/valid_multiple_years.csv"));

  const auto r = handle_ingest(json{{"job_folder", "job1"}}, env, *w.objects, *w.records);
  EXPECT_EQ(r["ok"], true) << r.dump(2);
  ASSERT_EQ(r["datasets"].size(), 1U);
  EXPECT_EQ(r["datasets"][0]["id"], "MMS");
  EXPECT_EQ(r["datasets"][0]["files_added"], 4);
  EXPECT_FALSE(w.exists("uploads", "job1/entries.json"));

  const auto c = handle_catalog(json::object(), env, *w.objects, *w.records);
  EXPECT_EQ(c["ok"], true) << c.dump(2);
  ASSERT_EQ(c["buckets"].size(), 2U);
  EXPECT_EQ(c["buckets"][0]["endpoint"], "s3://helio-public/");
  EXPECT_EQ(c["buckets"][0]["datasets"], 1);
  EXPECT_EQ(c["buckets"][1]["datasets"], 0);
  test::CloudCatalogReader client(*w.objects, "helio-public");
  EXPECT_EQ(client.entry("MMS")["title"], "MMS");

  // A scheduled event is an object with keys the handler does not need; anything else is refused.
  EXPECT_EQ(handle_catalog(json{{"source", "aws.events"}}, env, *w.objects, *w.records)["ok"], true);
  try {
    (void)handle_catalog(json("x"), env, *w.objects, *w.records);
    FAIL();
  } catch (const HandlerError& e) {
    EXPECT_EQ(e.type(), "InvalidEvent");
    EXPECT_STREQ(e.what(), "the catalog event is a JSON string; send {} (a JSON object)");
  }
}

TEST(RegistryHandlers, AFailedDatasetIsAResultNotAnError) {
  LocalWorld w;
  const auto env = env_of(w);
  w.text_file("uploads", "job1/entries.json",
              "[" + test::entry_json("MMS", "s3://helio-public/MMS/", "MMS") + "," +
                  test::entry_json("BAD", "s3://not-ours/BAD/", "Bad") + "]");
  w.upload_manifest_and_files("job1", "MMS", fixture("manifest/valid.csv"));
  w.upload_manifest_and_files("job1", "BAD", fixture("manifest/valid.csv"));
  const auto r = handle_ingest(json{{"job_folder", "job1"}}, env, *w.objects, *w.records);
  EXPECT_EQ(r["ok"], false);
  ASSERT_EQ(r["datasets"].size(), 2U);
  EXPECT_FALSE(r["datasets"][0].contains("error")) << r.dump(2);
  EXPECT_NE(r["datasets"][1]["error"].get<std::string>().find("not-ours"), std::string::npos) << r.dump(2);
  EXPECT_TRUE(w.exists("uploads", "job1/BAD/manifest.csv"));  // the bad dataset stays for a fixed rerun

  // A job that does not exist: the result says so (no exception, nothing written).
  const auto missing = handle_ingest(json{{"job_folder", "nope"}}, env, *w.objects, *w.records);
  EXPECT_EQ(missing["ok"], false);
  EXPECT_NE(missing["problems"][0].get<std::string>().find("entries.json"), std::string::npos)
      << missing.dump(2);
}

}  // namespace
}  // namespace heliocloud::registry::lambda
