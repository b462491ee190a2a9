// Custom::EmptyBucket and Custom::RequesterPays against the moto fixture's S3, and the Lambda entry point
// driven with CloudFormation-shaped events whose ResponseURL is a local server of the test's own.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>

#include "aws/errors.h"
#include "aws/s3.h"
#include "aws/s3_transfer.h"
#include "cfn_events.h"
#include "custom_resources/empty_bucket.h"
#include "custom_resources/lambda_entry.h"
#include "custom_resources/requester_pays.h"
#include "fake_http_server.h"
#include "fake_s3_request_payment.h"
#include "moto_support.h"

namespace aws = heliocloud::aws;
namespace cr = heliocloud::custom_resources;
namespace lr = heliocloud::lambda_runtime;
using heliocloud::testing::CannedResponse;
using heliocloud::testing::cfn_event;
using heliocloud::testing::FakeHttpServer;
using heliocloud::testing::RecordedRequest;
using nlohmann::json;
using Clock = std::chrono::system_clock;

namespace {

using heliocloud::aws::testing::moto_config;
const auto kUniqueBucket = heliocloud::aws::testing::unique_name;  // names never collide in the shared moto

std::size_t count_versions(const aws::S3Client& s3, const std::string& bucket) {
  std::size_t n = 0;
  std::string key_marker;
  std::string version_marker;
  for (;;) {
    const auto page = s3.list_object_versions(bucket, key_marker, version_marker);
    n += page.versions.size();
    if (!page.truncated) return n;
    key_marker = page.next_key_marker;
    version_marker = page.next_version_id_marker;
  }
}

void put_many(const aws::S3Client& s3, const std::string& bucket, const std::string& prefix, int count,
              std::string_view body) {
  std::vector<aws::BulkPut> items;
  items.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i)
    items.push_back({.key = prefix + std::to_string(i), .body = body, .file = {}, .options = {}});
  ASSERT_TRUE(aws::S3Transfer(s3).put_objects(bucket, items, 8).empty());
}

cr::Event event_for(cr::RequestType type, const json& properties, const std::string& physical_id = {}) {
  cr::Event e;
  e.request_type = type;
  e.resource_properties = properties;
  e.physical_resource_id = physical_id;
  e.logical_resource_id = "L";
  return e;
}

const auto kLater = Clock::now() + std::chrono::hours(1);

struct Moto : ::testing::Test {
  aws::S3Client s3{moto_config()};
};

TEST_F(Moto, EmptyBucketDeleteRemovesEveryVersionDeleteMarkerAndUpload) {
  const std::string bucket = kUniqueBucket("cr-versioned");
  s3.create_bucket(bucket);
  s3.put_bucket_versioning(bucket, true);
  put_many(s3, bucket, "data/file-", 1100, "v1");  // 1100 versions: more than one page and one delete batch
  put_many(s3, bucket, "data/file-", 300, "v2");   // +300 newer versions of the first 300 keys
  std::vector<std::string> doomed;
  for (int i = 900; i < 1100; ++i) doomed.push_back("data/file-" + std::to_string(i));
  ASSERT_TRUE(s3.delete_objects(bucket, doomed).empty());  // +200 delete markers
  s3.create_multipart_upload(bucket, "big/unfinished.bin");
  ASSERT_EQ(count_versions(s3, bucket), 1600U);

  const cr::EmptyBucketHandler handler(s3);
  const auto keep =
      handler.handle(event_for(cr::RequestType::Update, {{"BucketName", bucket}}, bucket), kLater);
  EXPECT_EQ(keep.physical_resource_id, bucket);
  EXPECT_EQ(count_versions(s3, bucket), 1600U) << "Update must not delete anything";

  const auto out =
      handler.handle(event_for(cr::RequestType::Delete, {{"BucketName", bucket}}, bucket), kLater);
  EXPECT_EQ(out.physical_resource_id, bucket);
  EXPECT_EQ(out.data["VersionsDeleted"], "1600");
  EXPECT_EQ(out.data["UploadsAborted"], "1");
  EXPECT_EQ(count_versions(s3, bucket), 0U);
  EXPECT_TRUE(s3.list_multipart_uploads(bucket).empty());
  EXPECT_NO_THROW(s3.delete_bucket(bucket));  // what CloudFormation does next
}

TEST_F(Moto, EmptyBucketHandlesUnversionedAndMissingBuckets) {
  const std::string bucket = kUniqueBucket("cr-plain");
  s3.create_bucket(bucket);
  put_many(s3, bucket, "k", 5, "x");
  const auto r = cr::empty_bucket(s3, bucket, kLater);
  EXPECT_EQ(r.versions_deleted, 5U);  // version id "null" for objects of an unversioned bucket
  EXPECT_TRUE(s3.list_all_objects(bucket).empty());
  s3.delete_bucket(bucket);
  EXPECT_EQ(cr::empty_bucket(s3, bucket, kLater).versions_deleted, 0U);  // gone already: nothing to do
}

TEST_F(Moto, EmptyBucketStopsWithAClearErrorWhenOutOfTime) {
  const std::string bucket = kUniqueBucket("cr-late");
  s3.create_bucket(bucket);
  put_many(s3, bucket, "k", 3, "x");
  try {
    cr::empty_bucket(s3, bucket, Clock::now() - std::chrono::seconds(1));
    FAIL() << "no error past stop_by";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("ran out of time emptying bucket " + bucket), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(s3.list_all_objects(bucket).size(), 3U);
}

TEST(RequesterPays, IsSetClearedAndClearedOnDeleteAsGetBucketRequestPaymentReadsBack) {
  heliocloud::testing::FakeS3RequestPayment fake({"payer-bucket"});
  const aws::S3Client s3(fake.client_config());
  const cr::RequesterPaysHandler handler(s3);
  auto event = [](cr::RequestType type, const char* enabled) {
    return event_for(type, {{"BucketName", "payer-bucket"}, {"Enabled", enabled}}, "payer-bucket");
  };
  auto out = handler.handle(
      event_for(cr::RequestType::Create, {{"BucketName", "payer-bucket"}, {"Enabled", "true"}}), kLater);
  EXPECT_EQ(out.physical_resource_id, "payer-bucket");
  EXPECT_EQ(out.data["Payer"], "Requester");
  EXPECT_TRUE(s3.get_bucket_requester_pays("payer-bucket"));
  handler.handle(event(cr::RequestType::Update, "false"), kLater);
  EXPECT_FALSE(s3.get_bucket_requester_pays("payer-bucket"));
  handler.handle(event(cr::RequestType::Update, "TRUE"), kLater);
  EXPECT_TRUE(s3.get_bucket_requester_pays("payer-bucket"));
  handler.handle(event(cr::RequestType::Delete, "true"), kLater);  // Delete clears whatever Enabled says
  EXPECT_FALSE(s3.get_bucket_requester_pays("payer-bucket"));
  EXPECT_THROW(handler.handle(event(cr::RequestType::Update, "maybe"), kLater), std::invalid_argument);

  // A bucket that is gone: nothing to clear on Delete; an error on Create.
  EXPECT_NO_THROW(
      handler.handle(event_for(cr::RequestType::Delete, {{"BucketName", "gone"}}, "gone"), kLater));
  EXPECT_THROW(handler.handle(event_for(cr::RequestType::Create, {{"BucketName", "gone"}}), kLater),
               aws::NotFoundError);
}

TEST_F(Moto, RequesterPaysCallsAreAcceptedByS3) {
  // moto keeps no request-payment state (see fake_s3_request_payment.h); this checks that the requests S3
  // parses and authorizes are the ones we send, signed, Content-MD5 included.
  const std::string bucket = kUniqueBucket("cr-payer");
  s3.create_bucket(bucket);
  const cr::RequesterPaysHandler handler(s3);
  EXPECT_NO_THROW(handler.handle(
      event_for(cr::RequestType::Create, {{"BucketName", bucket}, {"Enabled", "true"}}), kLater));
  EXPECT_NO_THROW(
      handler.handle(event_for(cr::RequestType::Delete, {{"BucketName", bucket}}, bucket), kLater));
  s3.delete_bucket(bucket);
}

TEST_F(Moto, LambdaEntryAnswersCloudFormationForARealDeleteAndAFailure) {
  FakeHttpServer response_url([](const RecordedRequest&) { return CannedResponse{200, {}, "", false}; });
  cr::Provider provider;
  cr::add_heliocloud_handlers(provider, s3);

  const std::string bucket = kUniqueBucket("cr-entry");
  s3.create_bucket(bucket);
  put_many(s3, bucket, "obj", 10, "x");
  lr::Invocation inv;
  inv.request_id = "lambda-req-1";
  inv.deadline = Clock::now() + std::chrono::minutes(5);
  inv.payload = cfn_event("Delete", "Custom::EmptyBucket", {{"BucketName", bucket}},
                          heliocloud::testing::response_url(response_url.authority()), bucket)
                    .dump();
  const auto ok = cr::handle_invocation(provider, inv);
  ASSERT_TRUE(ok.ok()) << ok.error_message();
  EXPECT_EQ(json::parse(ok.payload())["Status"], "SUCCESS");
  EXPECT_TRUE(s3.list_all_objects(bucket).empty());

  // A Create the handler rejects (the template forgot BucketName): FAILED with the reason, still answered.
  inv.payload = cfn_event("Create", "Custom::EmptyBucket", {{"Bucket", bucket}},
                          heliocloud::testing::response_url(response_url.authority()))
                    .dump();
  const auto failed = cr::handle_invocation(provider, inv);
  ASSERT_TRUE(failed.ok());  // CloudFormation has its answer: the invocation itself succeeded
  EXPECT_EQ(json::parse(failed.payload())["Status"], "FAILED");

  const auto puts = response_url.requests();
  ASSERT_EQ(puts.size(), 2U);
  for (const auto& put : puts) {
    EXPECT_EQ(put.method, "PUT");
    EXPECT_EQ(put.target, heliocloud::testing::response_target());
    EXPECT_TRUE(put.has_header("content-type"));
    EXPECT_EQ(put.header("content-type"), "");
  }
  const json first = json::parse(puts[0].body);
  EXPECT_EQ(first["Status"], "SUCCESS");
  EXPECT_EQ(first["PhysicalResourceId"], bucket);
  EXPECT_EQ(first["LogicalResourceId"], "IngestBucketEmptier");
  EXPECT_EQ(first["RequestId"], "e2e3b7a8-4d43-4c69-a2a6-0f8d6f1c2e4d");
  EXPECT_EQ(first["StackId"], json::parse(inv.payload)["StackId"]);
  const json second = json::parse(puts[1].body);
  EXPECT_EQ(second["Status"], "FAILED");
  EXPECT_EQ(second["Reason"], "ResourceProperties.BucketName: missing");
  EXPECT_EQ(second["PhysicalResourceId"],
            "IngestBucketEmptier-create-failed-e2e3b7a8-4d43-4c69-a2a6-0f8d6f1c2e4d");

  // A response that cannot be delivered is a Lambda error (so Lambda's async retry gets another go).
  inv.payload =
      cfn_event("Delete", "Custom::EmptyBucket", {{"BucketName", bucket}}, "http://127.0.0.1:1/x", bucket)
          .dump();
  inv.deadline = Clock::now() + std::chrono::seconds(3);
  const auto lost = cr::handle_invocation(provider, inv);
  EXPECT_FALSE(lost.ok());
  EXPECT_EQ(lost.error_type(), "CustomResource.NoResponse");
  s3.delete_bucket(bucket);
}

}  // namespace
