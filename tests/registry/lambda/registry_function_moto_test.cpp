// RegistryFunction (what the Lambda binary runs per invocation) on S3 + DynamoDB in moto: payload in,
// response or errorType + errorMessage out.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <random>

#include "aws/client_config.h"
#include "aws/dynamodb.h"
#include "aws/s3.h"
#include "moto_support.h"
#include "registry/aws/dynamodb_dataset_store.h"
#include "registry/lambda/registry_function.h"

namespace heliocloud::registry::lambda {
namespace {

using heliocloud::aws::testing::moto_config;
const auto kUnique = heliocloud::aws::testing::unique_name;  // names never collide in the shared moto

using nlohmann::json;
using namespace std::chrono_literals;

class RegistryFunctionMoto : public ::testing::Test {
 protected:
  RegistryFunctionMoto() : s3_(moto_config()), dynamo_(moto_config()) {}

  void SetUp() override {
    env_.settings.ingest_bucket = kUnique("fn-up");
    env_.settings.dataset_buckets = {kUnique("fn-pub")};
    env_.settings.catalog_name = "Lambda HelioCloud";
    env_.settings.catalog_contact = "ops@example.com";
    env_.dataset_table = kUnique("fn-datasets");
    s3_.create_bucket(env_.settings.ingest_bucket);
    s3_.create_bucket(pub());
    dynamo_.create_table(env_.dataset_table, {.name = "id", .type = "S"});
  }

  const std::string& pub() const { return env_.settings.dataset_buckets[0]; }

  void upload_job(const std::string& job) {
    const auto& up = env_.settings.ingest_bucket;
    s3_.put_object(up, job + "/entries.json",
                   R"([{"id": "MMS", "index": "s3://)" + pub() + R"(/MMS/", "title": "MMS"}])");
    s3_.put_object(up, job + "/MMS/manifest.csv",
                   "#time, s3key, filesize\n2015-09-01T12:11:14Z,a.CDF,3\n2016-01-01,b.cdf,4\n");
    s3_.put_object(up, job + "/MMS/a.CDF", "abc");
    s3_.put_object(up, job + "/MMS/b.cdf", "abcd");
  }

  heliocloud::lambda_runtime::HandlerResult invoke(HandlerKind kind, const std::string& payload,
                                                   std::chrono::milliseconds remaining = 900s) {
    RegistryFunction fn(kind, env_, moto_config());
    return fn.invoke(payload, remaining);
  }

  aws::S3Client s3_;
  aws::DynamoDbClient dynamo_;
  LambdaEnvironment env_;
};

TEST_F(RegistryFunctionMoto, IngestThenCatalog) {
  upload_job("job1");
  const auto r = invoke(HandlerKind::Ingest, R"({"job_folder": "job1"})");
  ASSERT_TRUE(r.ok()) << r.error_type() << ": " << r.error_message();
  const auto result = json::parse(r.payload());
  EXPECT_EQ(result["ok"], true) << result.dump(2);
  EXPECT_EQ(result["datasets"][0]["files_added"], 2);
  EXPECT_EQ(result["datasets"][0]["years"], json::array({2015, 2016}));
  EXPECT_EQ(s3_.get_object(pub(), "MMS/a.cdf").body, "abc");
  EXPECT_TRUE(s3_.list_all_objects(env_.settings.ingest_bucket, "job1/").empty());
  ASSERT_TRUE(DynamoDbDatasetStore(dynamo_, env_.dataset_table).get("MMS").has_value());

  const auto c = invoke(HandlerKind::Catalog, "{}");
  ASSERT_TRUE(c.ok()) << c.error_type() << ": " << c.error_message();
  EXPECT_EQ(json::parse(c.payload())["buckets"][0]["datasets"], 1);
  const auto catalog = json::parse(s3_.get_object(pub(), "catalog.json").body);
  EXPECT_EQ(catalog["name"], "Lambda HelioCloud");
  EXPECT_EQ(catalog["catalog"][0]["id"], "MMS");
  // `aws lambda invoke` without a payload sends nothing: the catalog handler takes that as {}.
  EXPECT_TRUE(invoke(HandlerKind::Catalog, "").ok());
}

TEST_F(RegistryFunctionMoto, BadEventsAreInvalidEventErrors) {
  auto r = invoke(HandlerKind::Ingest, "{job_folder: 1");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error_type(), "InvalidEvent");
  EXPECT_EQ(r.error_message().rfind("the event is not JSON: ", 0), 0U) << r.error_message();
  r = invoke(HandlerKind::Ingest, R"({"job": "job1"})");
  EXPECT_EQ(r.error_type(), "InvalidEvent");
  EXPECT_EQ(r.error_message().rfind("the ingest event has no \"job_folder\"", 0), 0U) << r.error_message();
}

TEST_F(RegistryFunctionMoto, MissingTableIsAFunctionErrorNamingIt) {
  upload_job("job1");
  env_.dataset_table = kUnique("no-such-table");
  const auto c = invoke(HandlerKind::Catalog, "{}");
  EXPECT_FALSE(c.ok());
  EXPECT_EQ(c.error_type(), "StoreError") << c.error_message();
  EXPECT_NE(c.error_message().find(env_.dataset_table), std::string::npos) << c.error_message();
}

TEST_F(RegistryFunctionMoto, LeaseWaitEndsBeforeTheDeadline) {
  upload_job("job1");
  DynamoDbDatasetStore records(dynamo_, env_.dataset_table);
  ASSERT_TRUE(records.try_acquire_lease("MMS", "another-ingest", 600s));
  const auto started = std::chrono::steady_clock::now();
  // 60 s left: less than the merge needs after the lease, so the function does not wait for the lease at all.
  const auto r = invoke(HandlerKind::Ingest, R"({"job_folder": "job1"})", 60s);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 30s);
  ASSERT_TRUE(r.ok()) << r.error_message();
  const auto result = json::parse(r.payload());
  EXPECT_EQ(result["ok"], false);
  EXPECT_NE(result["datasets"][0]["error"].get<std::string>().find("is being ingested by another job"),
            std::string::npos)
      << result.dump(2);
  records.release_lease("MMS", "another-ingest");
  // The job is still there; a rerun with time to spare publishes it.
  const auto again = json::parse(invoke(HandlerKind::Ingest, R"({"job_folder": "job1"})").payload());
  EXPECT_EQ(again["ok"], true) << again.dump(2);
}

}  // namespace
}  // namespace heliocloud::registry::lambda
