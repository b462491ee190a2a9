// The deployed-instance commands against moto: a Registry stack of our own (CreateStack with the outputs the
// real stack has), functions in moto's docker-less Lambda (which echoes the event, or returns queued
// results), and upload / validate s3:// / ingest --local <instance> on the stack's ingest bucket.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "aws/cloudformation.h"
#include "aws/dynamodb.h"
#include "aws/lambda.h"
#include "aws/protocols.h"
#include "aws/s3.h"
#include "cli_runner.h"
#include "moto_support.h"
#include "registry/aws/dynamodb_dataset_store.h"
#include "registry/cli/registry_stack.h"

namespace heliocloud::registry {
namespace {

using heliocloud::aws::testing::moto_config;
const auto kUnique = heliocloud::aws::testing::unique_name;  // names never collide in the shared moto

using nlohmann::json;
using test::CliSandbox;

std::string endpoint() {
  const char* e = std::getenv("AWS_ENDPOINT_URL");
  if (e == nullptr || std::string(e).find("127.0.0.1") == std::string::npos) {
    ADD_FAILURE()
        << "AWS_ENDPOINT_URL must point at the local moto server (run through ctest); refusing real AWS";
    std::abort();
  }
  return e;
}

// The next docker-less invocations return these payloads, in order (moto's lambda-simple result queue).
void queue_lambda_results(const std::vector<json>& results) {
  json body{{"results", json::array()}, {"region", "us-east-1"}};
  for (const auto& r : results) body["results"].push_back(r.dump());
  const auto cmd = "curl -sf -o /dev/null -X POST " + endpoint() +
                   "/moto-api/static/lambda-simple/response -H 'Content-Type: application/json' -d '" +
                   body.dump() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
}

// A deployed instance: instance file, Registry stack (named as the CDK names it) with its outputs, two
// functions.
class DeployedInstance : public ::testing::Test {
 protected:
  void SetUp() override {
    instance_ = kUnique("hc");
    ingest_bucket_ = kUnique("cli-ingest-");
    pub_ = kUnique("cli-pub-");
    box_.write("instance/" + instance_ + ".yaml", test::registry_instance_yaml(pub_));
    aws::S3Client(moto_config()).create_bucket(pub_);
    table_ = kUnique("cli-datasets-");
    aws::DynamoDbClient(moto_config()).create_table(table_, {.name = "id", .type = "S"});

    const aws::ServiceClient iam(
        moto_config(), {.name = "IAM", .signing_name = "iam", .endpoint_prefix = "iam", .env_id = "IAM"});
    const auto role =
        aws::query_call(iam, "CreateRole", "2010-05-08",
                        {{"RoleName", kUnique("cli-role")},
                         {"AssumeRolePolicyDocument", R"({"Version":"2012-10-17","Statement":[]})"}},
                        false);
    const aws::LambdaClient lambda(moto_config());
    for (auto* fn : {&ingester_, &cataloger_}) {
      *fn = kUnique(fn == &ingester_ ? "Ingester" : "Cataloger");
      aws::CreateFunctionRequest req;
      req.name = *fn;
      req.role_arn = role.find("CreateRoleResult/Role/Arn")->text;
      req.handler = fn == &ingester_ ? "ingest" : "catalog";
      req.zip_file =
          std::string("PK\x05\x06", 4) + std::string(18, '\0');  // an empty zip: moto does not run it
      (void)lambda.create_function(req);
    }
    const std::string tmpl = R"({
      "Parameters": {"Ingest": {"Type": "String"}, "Ingester": {"Type": "String"}, "Cataloger": {"Type": "String"},
                     "Datasets": {"Type": "String"}, "Table": {"Type": "String"}},
      "Resources": {"IngestBucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Ref": "Ingest"}}}},
      "Outputs": {
        "IngesterFunctionName": {"Value": {"Ref": "Ingester"}},
        "CatalogerFunctionName": {"Value": {"Ref": "Cataloger"}},
        "IngestBucketName": {"Value": {"Ref": "IngestBucket"}},
        "DatasetBucketNames": {"Value": {"Ref": "Datasets"}},
        "DatasetTableName": {"Value": {"Ref": "Table"}}}})";
    (void)aws::CloudFormationClient(moto_config())
        .create_stack(cli::registry_stack_name(instance_), tmpl,
                      {{"Ingest", ingest_bucket_},
                       {"Ingester", ingester_},
                       {"Cataloger", cataloger_},
                       {"Datasets", pub_},
                       {"Table", table_}});
  }

  [[nodiscard]] test::CliRun heliocloud(const std::string& args) const {
    return box_.run(args + " --instance-dir " + box_.instance_dir());
  }

  // A prepared job folder on disk: entries.json and MMS/ with a manifest and two files.
  std::string prepare_job(const std::string& name, const std::string& size_of_b = "4") const {
    box_.write(name + "/entries.json",
               R"([{"id": "MMS", "index": "s3://)" + pub_ + R"(/MMS/", "title": "MMS"}])");
    box_.write(
        name + "/MMS/manifest.csv",
        "#time, s3key, filesize\n2015-09-01T12:11:14Z,a.cdf,3\n2016-01-01,sub/b.cdf," + size_of_b + "\n");
    box_.write(name + "/MMS/a.cdf", "abc");
    box_.write(name + "/MMS/sub/b.cdf", "abcd");
    return (box_.dir / name).string();
  }

  CliSandbox box_;
  std::string instance_, ingest_bucket_, pub_, table_, ingester_, cataloger_;
};

TEST_F(DeployedInstance, IngestStartsTheIngesterFollowsTheJobAndStatusShowsIt) {
  const auto job = "s3://" + ingest_bucket_ + "/job1/";
  auto r = heliocloud("ingest " + instance_ + " job1 --no-wait");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "started " + job + " (" + ingester_ + "); follow it with: heliocloud status " + instance_ +
                       " job1\n");

  // moto does not run the function: this thread writes the job's progress as its invocations would.
  const aws::DynamoDbClient dynamodb(moto_config());
  std::jthread ingester([&] {
    DynamoDbDatasetStore store(dynamodb, table_);
    JobProgress p;
    p.job = job;
    p.started = now_utc();
    p.datasets.push_back({.id = "MMS", .files_total = 4, .bytes_total = 40});
    for (const std::size_t done : {std::size_t{2}, std::size_t{4}}) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1500));
      p.runs = static_cast<int>(done / 2);
      p.datasets[0].rows_done = done;
      p.datasets[0].bytes_done = done * 10;
      p.state = done < 4 ? JobState::Waiting : JobState::Published;
      p.updated = now_utc();
      if (done == 4) p.finished = p.updated;
      store.put_job(p);
    }
  });
  r = heliocloud("ingest " + instance_ + " job1");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("ingesting " + job + " (" + ingester_ + ")"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("waiting: 2/4 files, 20 B of 40 B"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("state:    published\nprogress: 4/4 files, 40 B of 40 B\n"), std::string::npos)
      << r.out;
  ingester.join();

  // Published, and entries.json is gone from the ingest bucket: nothing to do, without invoking anything.
  r = heliocloud("ingest " + instance_ + " job1");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("nothing to do: job " + job + " was published at 20", 0), 0U) << r.out;

  r = heliocloud("status " + instance_);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind(job + "  published  4/4 files, 40 B of 40 B  updated ", 0), 0U) << r.out;
  r = heliocloud("status " + instance_ + " job1 --json");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["runs"], 2) << r.out;
  r = heliocloud("status " + instance_ + " job2");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("no ingest of s3://" + ingest_bucket_ + "/job2/ has started yet"), std::string::npos)
      << r.err;
}

TEST_F(DeployedInstance, CatalogInvokesTheCataloger) {
  auto r = heliocloud("catalog " + instance_);
  EXPECT_EQ(r.status, 1);  // the echo of {} is not a catalog result
  EXPECT_NE(r.err.find("invoking " + cataloger_), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(R"(no "ok" in {})"), std::string::npos) << r.err;

  queue_lambda_results(
      {json{{"ok", true},
            {"problems", json::array()},
            {"buckets", json::array({json{{"endpoint", "s3://" + pub_ + "/"}, {"datasets", 3}}})}}});
  r = heliocloud("catalog " + instance_ + " --region us-east-1");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "s3://" + pub_ + "/catalog.json: 3 dataset(s)\n");
}

TEST_F(DeployedInstance, AnInstanceWithoutARegistryStack) {
  box_.write("instance/undeployed.yaml", test::registry_instance_yaml(pub_));
  const auto r = heliocloud("catalog undeployed");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("instance undeployed has no Registry stack (CloudFormation stack " +
                       cli::registry_stack_name("undeployed") +
                       ") in region us-east-1; deploy it with: cdk deploy "
                       "undeployed/Registry -c instance=undeployed"),
            std::string::npos)
      << r.err;
}

TEST_F(DeployedInstance, UploadValidateThenIngestLocally) {
  aws::S3Client s3(moto_config());
  const auto job = prepare_job("job-dir");
  auto r = heliocloud("upload " + job + " " + instance_ + " job1 --parallel 4");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  std::uintmax_t bytes = 0;
  for (const auto& f : std::filesystem::recursive_directory_iterator(job))
    bytes += f.is_regular_file() ? f.file_size() : 0;
  EXPECT_NE(r.out.find("uploaded 4 file(s), " + std::to_string(bytes) + " B to s3://" + ingest_bucket_ +
                       "/job1/\n"
                       "next: heliocloud ingest " +
                       instance_ + " job1\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("upload: 4/4 files"), std::string::npos) << r.err;  // progress
  EXPECT_EQ(s3.get_object(ingest_bucket_, "job1/MMS/sub/b.cdf").body, "abcd");
  EXPECT_EQ(s3.list_all_objects(ingest_bucket_, "job1/").size(), 4U);

  r = heliocloud("upload " + job + " " + instance_ + " job1");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("s3://" + ingest_bucket_ + "/job1/ already holds a job"), std::string::npos) << r.err;
  EXPECT_EQ(heliocloud("upload " + job + " " + instance_ + " job1 --overwrite").status, 0);

  // A job the ingest would refuse is not uploaded at all.
  r = heliocloud("upload " + prepare_job("bad-dir", "5") + " " + instance_ + " job2");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("MMS/manifest.csv:3: sub/b.cdf: size 5 in the manifest, 4 in the bucket"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("nothing was uploaded"), std::string::npos) << r.err;
  EXPECT_TRUE(s3.list_all_objects(ingest_bucket_, "job2/").empty());

  // validate reads the uploaded job from S3 and writes nothing.
  r = box_.run("validate s3://" + ingest_bucket_ + "/job1 --bucket " + pub_);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "OK: 1 dataset(s), 2 file(s) ready to ingest\n");
  r = box_.run("validate s3://" + ingest_bucket_ + "/job1/ --bucket other-bucket");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("not a dataset bucket of this instance (fix: use one of: other-bucket)"),
            std::string::npos)
      << r.err;
  r = box_.run("validate s3://" + ingest_bucket_ + "/no-job");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("entries.json"), std::string::npos) << r.err;
  r = box_.run("validate s3://" + kUnique("no-such-bucket-") + "/job1");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("does not exist or is not readable"), std::string::npos) << r.err;
  EXPECT_EQ(s3.list_all_objects(ingest_bucket_, "job1/").size(), 4U);

  // The instance's settings with the services run here on the same endpoint.
  const auto db = (box_.dir / "records.sqlite3").string();
  r = heliocloud("ingest --local --endpoint " + endpoint() + " --db " + db + " --ingest-bucket " +
                 ingest_bucket_ + " " + instance_ + " job1");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(s3.get_object(pub_, "MMS/sub/b.cdf").body, "abcd");
  r = heliocloud("catalog --local --endpoint " + endpoint() + " --db " + db + " " + instance_);
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  const auto catalog = json::parse(s3.get_object(pub_, "catalog.json").body);
  EXPECT_EQ(catalog["name"], "Instance Catalog");
  EXPECT_EQ(catalog["catalog"][0]["id"], "MMS");
}

TEST_F(DeployedInstance, IngestAndCatalogLocallyOnTheDeployedBucketsAndTable) {
  // moto runs no Lambda function: with an instance and neither --root nor --db, the services run here on the
  // buckets and the DynamoDB table that the Registry stack's outputs name (CloudFormation on
  // AWS_ENDPOINT_URL), never on a SQLite file.
  aws::S3Client s3(moto_config());
  auto r = heliocloud("upload " + prepare_job("job-dir") + " " + instance_ + " job1");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  r = heliocloud("ingest --local " + instance_ + " job1");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("on the deployed Registry stack " + cli::registry_stack_name(instance_)),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("dataset table " + table_), std::string::npos) << r.err;
  EXPECT_EQ(s3.get_object(pub_, "MMS/sub/b.cdf").body, "abcd");
  EXPECT_TRUE(
      s3.list_all_objects(ingest_bucket_, "job1/MMS/").empty());  // a published dataset leaves the job
  const aws::DynamoDbClient ddb(moto_config());
  DynamoDbDatasetStore records(ddb, table_);
  ASSERT_TRUE(records.get("MMS").has_value());
  EXPECT_FALSE(std::filesystem::exists(box_.dir / ".heliocloud-registry.sqlite3"));

  // The same with the endpoint named on the command line; catalog.json from the deployed table's records.
  r = heliocloud("catalog --local --endpoint " + endpoint() + " " + instance_);
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "s3://" + pub_ + "/catalog.json: 1 dataset(s)\n");
  const auto catalog = json::parse(s3.get_object(pub_, "catalog.json").body);
  EXPECT_EQ(catalog["name"], "Instance Catalog");
  EXPECT_EQ(catalog["catalog"][0]["id"], "MMS");

  // An instance whose Registry stack is not deployed: the deploy command, nothing written anywhere.
  box_.write("instance/undeployed.yaml", test::registry_instance_yaml(pub_));
  r = heliocloud("catalog --local undeployed");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("deploy it with: cdk deploy undeployed/Registry -c instance=undeployed"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace heliocloud::registry
