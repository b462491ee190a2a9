// The packaged function (build/lambda/custom-resource/) started the way Lambda starts it — its bootstrap, an
// environment with nothing but what Lambda sets — serving two CloudFormation requests through a fake Runtime
// API: a Delete of Custom::EmptyBucket against moto (SUCCESS, bucket emptied) and an unknown type (FAILED).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <deque>
#include <nlohmann/json.hpp>
#include <string>

#include "aws/s3.h"
#include "cfn_events.h"
#include "fake_http_server.h"
#include "fake_runtime_api.h"

namespace aws = heliocloud::aws;
using heliocloud::testing::CannedResponse;
using heliocloud::testing::cfn_event;
using heliocloud::testing::FakeHttpServer;
using heliocloud::testing::FakeRuntimeApi;
using heliocloud::testing::RecordedRequest;
using heliocloud::testing::ScriptedInvocation;
using nlohmann::json;

TEST(PackagedCustomResource, BootstrapAnswersCloudFormationRequests) {
  const char* endpoint = std::getenv("AWS_ENDPOINT_URL");
  ASSERT_TRUE(endpoint != nullptr && std::string(endpoint).find("127.0.0.1") != std::string::npos)
      << "run through ctest: AWS_ENDPOINT_URL must be the local moto server";
  const aws::S3Client s3(aws::ClientConfig::from_environment());
  const std::string bucket = "cr-packaged-" + std::to_string(::getpid());
  s3.create_bucket(bucket);
  for (int i = 0; i < 25; ++i) s3.put_object(bucket, "data/" + std::to_string(i), "payload");

  FakeHttpServer response_url([](const RecordedRequest&) { return CannedResponse{200, {}, "", false}; });
  const std::string url = heliocloud::testing::response_url(response_url.authority());
  FakeRuntimeApi api(std::deque<ScriptedInvocation>{
      {.request_id = "req-delete",
       .payload = cfn_event("Delete", "Custom::EmptyBucket", {{"BucketName", bucket}}, url, bucket).dump()},
      {.request_id = "req-unknown",
       .payload = cfn_event("Create", "Custom::Mystery", json::object(), url).dump()}});

  const std::string command = "cd / && env -i AWS_LAMBDA_RUNTIME_API=" + api.authority() +
                              " AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test"
                              " AWS_SESSION_TOKEN=token AWS_ENDPOINT_URL=" +
                              endpoint +
                              " AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null"
                              " AWS_EC2_METADATA_DISABLED=true " HELIOCLOUD_CUSTOM_RESOURCE_PACKAGE
                              "/bootstrap";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_NE(WEXITSTATUS(status), 0);  // it exits once the fake Runtime API goes away

  // CloudFormation got one answer per request...
  const auto puts = response_url.requests();
  ASSERT_EQ(puts.size(), 2U);
  const json deleted = json::parse(puts[0].body);
  EXPECT_EQ(deleted["Status"], "SUCCESS");
  EXPECT_EQ(deleted["PhysicalResourceId"], bucket);
  const json unknown = json::parse(puts[1].body);
  EXPECT_EQ(unknown["Status"], "FAILED");
  EXPECT_NE(unknown["Reason"].get<std::string>().find("unknown ResourceType Custom::Mystery"),
            std::string::npos);
  for (const auto& put : puts) EXPECT_EQ(put.header("content-type"), "");

  // ...the Runtime API one successful result per invocation...
  const auto posts = api.posts();
  ASSERT_EQ(posts.size(), 2U);
  EXPECT_EQ(posts[0].target, "/2018-06-01/runtime/invocation/req-delete/response");
  EXPECT_EQ(posts[1].target, "/2018-06-01/runtime/invocation/req-unknown/response");
  EXPECT_EQ(json::parse(posts[1].body)["Status"], "FAILED");

  // ...and the bucket is empty, ready for CloudFormation to delete it.
  EXPECT_TRUE(s3.list_all_objects(bucket).empty());
  s3.delete_bucket(bucket);
}
