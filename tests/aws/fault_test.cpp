// Failure handling against a local scripted HTTP server: retries on 5xx, a SlowDown storm, stalls, truncated
// bodies, refused connections, non-idempotent calls, plus the credential endpoints (ECS, IMDSv2).
#include <gtest/gtest.h>

#include <atomic>

#include "aws/credentials.h"
#include "aws/errors.h"
#include "aws/lambda.h"
#include "aws/s3.h"
#include "aws/s3_transfer.h"
#include "base/base64.h"
#include "base/digest.h"
#include "env_guard.h"
#include "fake_http_server.h"

namespace aws = heliocloud::aws;
using heliocloud::testing::CannedResponse;
using heliocloud::testing::FakeHttpServer;
using heliocloud::testing::raw_reply;
using heliocloud::testing::RecordedRequest;
using namespace std::chrono_literals;

namespace {

aws::ClientConfig config_for(const FakeHttpServer& server) {
  aws::ClientConfig c;
  c.region = "us-east-1";
  c.endpoint_url = server.url();
  c.credentials = std::make_shared<aws::StaticCredentialsProvider>(aws::Credentials{
      .access_key_id = "AKID", .secret_access_key = "SECRET", .session_token = "", .expiration = {}});
  c.retry.max_attempts = 4;
  c.retry.base_delay = 5ms;
  c.retry.throttle_base_delay = 10ms;
  c.retry.max_delay = 100ms;
  return c;
}

std::string s3_error(const std::string& code, const std::string& message) {
  return "<?xml version=\"1.0\"?><Error><Code>" + code + "</Code><Message>" + message +
         "</Message><RequestId>REQ-" + code + "</RequestId></Error>";
}

TEST(Faults, ServerErrorsThenSuccessAreRetried) {
  FakeHttpServer server([](const RecordedRequest& req) {
    if (req.index == 0) return raw_reply(500, s3_error("InternalError", "try again"));
    if (req.index == 1) return raw_reply(503, s3_error("ServiceUnavailable", "busy"));
    return raw_reply(200, "payload", {{"ETag", "\"e1\""}});
  });
  auto cfg = config_for(server);
  std::vector<std::string> seen;
  cfg.retry.on_retry = [&](const aws::ErrorInfo& e, int, std::chrono::milliseconds) {
    seen.push_back(e.code);
  };
  const aws::S3Client s3(cfg);
  const auto got = s3.get_object("bucket", "dir/key.txt");
  EXPECT_EQ(got.body, "payload");
  EXPECT_EQ(got.info.etag, "\"e1\"");
  EXPECT_EQ(seen, (std::vector<std::string>{"InternalError", "ServiceUnavailable"}));
  const auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 3U);
  for (const auto& r : reqs) {
    EXPECT_EQ(r.method, "GET");
    EXPECT_EQ(r.target, "/bucket/dir/key.txt");  // custom endpoint: path-style
    EXPECT_EQ(r.header("authorization").rfind("AWS4-HMAC-SHA256 Credential=AKID/", 0), 0U);
    EXPECT_EQ(r.header("x-amz-content-sha256"), heliocloud::base::sha256_hex(""));
    EXPECT_FALSE(r.header("x-amz-date").empty());
  }
}

TEST(Faults, SlowDownStormGivesUpAfterTheBoundWithAClearError) {
  FakeHttpServer server([](const RecordedRequest&) {
    return raw_reply(503, s3_error("SlowDown", "Please reduce your request rate."));
  });
  auto cfg = config_for(server);
  std::vector<std::chrono::milliseconds> delays;
  cfg.retry.on_retry = [&](const aws::ErrorInfo&, int, std::chrono::milliseconds d) { delays.push_back(d); };
  const aws::S3Client s3(cfg);
  try {
    s3.put_object("bucket", "k", "data");
    FAIL() << "expected ThrottledError";
  } catch (const aws::ThrottledError& e) {
    EXPECT_EQ(e.code(), "SlowDown");
    EXPECT_EQ(e.http_status(), 503);
    EXPECT_EQ(e.attempts(), 4);
    EXPECT_EQ(e.request_id(), "REQ-SlowDown");
    EXPECT_EQ(std::string(e.what()),
              "S3 PutObject: HTTP 503 SlowDown: Please reduce your request rate. (request id REQ-SlowDown) "
              "[gave up after 4 attempts]");
  }
  EXPECT_EQ(server.count(), 4U);
  ASSERT_EQ(delays.size(), 3U);
  for (std::size_t i = 0; i < delays.size(); ++i) {
    EXPECT_LE(delays[i].count(),
              std::min<long long>(100, 10LL << i));  // full jitter under the exponential cap
  }
}

TEST(Faults, StalledServerTimesOut) {
  FakeHttpServer server([](const RecordedRequest&) {
    CannedResponse r = raw_reply(200, "late");
    r.stall_before = 10s;  // accepts and reads the request, then says nothing
    return r;
  });
  auto cfg = config_for(server);
  cfg.retry.max_attempts = 2;
  cfg.timeouts.total = 400ms;
  const aws::S3Client s3(cfg);
  const auto start = std::chrono::steady_clock::now();
  try {
    s3.head_object("bucket", "k");
    FAIL() << "expected TimeoutError";
  } catch (const aws::TimeoutError& e) {
    EXPECT_EQ(e.code(), "Timeout");
    EXPECT_EQ(e.http_status(), 0);
    EXPECT_EQ(e.attempts(), 2);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

TEST(Faults, StallInTheMiddleOfABodyTripsTheStallTimeout) {
  FakeHttpServer server([](const RecordedRequest&) {
    CannedResponse r = raw_reply(200, std::string(1000, 'x'));
    r.raw.resize(r.raw.size() - 500);  // half the body, then silence with the connection open
    r.stall_after = 10s;
    return r;
  });
  auto cfg = config_for(server);
  cfg.retry.max_attempts = 1;
  cfg.timeouts.total = 0ms;  // no overall limit: only the no-progress timer can fire
  cfg.timeouts.stall = 1000ms;
  const aws::S3Client s3(cfg);
  const auto start = std::chrono::steady_clock::now();
  try {
    s3.get_object("bucket", "k");
    FAIL() << "expected TimeoutError";
  } catch (const aws::TimeoutError& e) {
    EXPECT_NE(std::string(e.what()).find("no data moved for 1000 ms"), std::string::npos) << e.what();
  }
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_GE(took, 1s);
  EXPECT_LT(took, 3s);
}

TEST(Faults, TruncatedBodyIsDetectedAndRetried) {
  FakeHttpServer server([](const RecordedRequest& req) {
    CannedResponse r = raw_reply(200, std::string(100, 'a'));
    if (req.index == 0) r.raw.resize(r.raw.size() - 90);  // Content-Length 100, 10 bytes, close
    return r;
  });
  const aws::S3Client s3(config_for(server));
  EXPECT_EQ(s3.get_object("bucket", "k").body, std::string(100, 'a'));
  EXPECT_EQ(server.count(), 2U);
}

TEST(Faults, AlwaysTruncatedBodyFailsWithTruncated) {
  FakeHttpServer server([](const RecordedRequest&) {
    CannedResponse r = raw_reply(200, std::string(100, 'a'));
    r.raw.resize(r.raw.size() - 90);
    return r;
  });
  auto cfg = config_for(server);
  cfg.retry.max_attempts = 3;
  const aws::S3Client s3(cfg);
  try {
    s3.get_object("bucket", "k");
    FAIL() << "expected TransportError";
  } catch (const aws::TimeoutError&) {
    FAIL() << "a truncated body is not a timeout";
  } catch (const aws::TransportError& e) {
    EXPECT_EQ(e.code(), "Truncated");
    EXPECT_EQ(e.attempts(), 3);
    EXPECT_NE(std::string(e.what()).find("received 10 bytes, Content-Length 100"), std::string::npos)
        << e.what();
  }
}

TEST(Faults, NonIdempotentCallIsNotRepeatedAfterA500) {
  FakeHttpServer server([](const RecordedRequest&) {
    return raw_reply(500, R"({"Message":"boom"})", {{"x-amzn-ErrorType", "ServiceException"}});
  });
  const aws::LambdaClient lambda(config_for(server));
  try {
    lambda.invoke("fn", "{}");
    FAIL() << "expected ServiceUnavailableError";
  } catch (const aws::ServiceUnavailableError& e) {
    EXPECT_EQ(e.code(), "ServiceException");
    EXPECT_EQ(e.attempts(), 1);
  }
  EXPECT_EQ(server.count(), 1U);
}

TEST(Faults, ThrottledNonIdempotentCallIsRepeated) {
  FakeHttpServer server([](const RecordedRequest& req) {
    if (req.index == 0)
      return raw_reply(429, R"({"message":"Rate exceeded"})",
                       {{"x-amzn-ErrorType", "TooManyRequestsException"}});
    return raw_reply(200, R"({"ok":true})");
  });
  const aws::LambdaClient lambda(config_for(server));
  EXPECT_EQ(lambda.invoke("fn", "{}").payload, R"({"ok":true})");
  EXPECT_EQ(server.count(), 2U);
}

TEST(Faults, RefusedConnectionIsRetriedThenReported) {
  int port = 0;
  {
    FakeHttpServer gone([](const RecordedRequest&) { return raw_reply(200, ""); });
    port = gone.port();
  }  // closed: nothing listens there any more
  aws::ClientConfig cfg;
  cfg.region = "us-east-1";
  cfg.endpoint_url = "http://127.0.0.1:" + std::to_string(port);
  cfg.credentials = std::make_shared<aws::StaticCredentialsProvider>(aws::Credentials{
      .access_key_id = "A", .secret_access_key = "S", .session_token = "", .expiration = {}});
  cfg.retry.max_attempts = 3;
  cfg.retry.base_delay = 1ms;
  const aws::LambdaClient lambda(cfg);  // even a non-idempotent call: the request never left
  try {
    lambda.invoke("fn", "{}");
    FAIL() << "expected TransportError";
  } catch (const aws::TransportError& e) {
    EXPECT_EQ(e.code(), "ConnectionFailed");
    EXPECT_EQ(e.attempts(), 3);
  }
}

TEST(Faults, LambdaFunctionErrorAndLogTailAreSurfaced) {
  FakeHttpServer server([](const RecordedRequest& r) {
    EXPECT_EQ(
        r.target,
        "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A1%3Afunction%3Af/invocations?Qualifier=live");
    EXPECT_EQ(r.header("x-amz-log-type"), "Tail");
    EXPECT_EQ(r.header("x-amz-invocation-type"), "RequestResponse");
    return raw_reply(200, R"({"errorMessage":"bad input","errorType":"Error"})",
                     {{"X-Amz-Function-Error", "Unhandled"},
                      {"X-Amz-Log-Result", heliocloud::base::base64_encode("START\nboom\nEND\n")},
                      {"X-Amz-Executed-Version", "7"}});
  });
  const aws::LambdaClient lambda(config_for(server));
  aws::InvokeOptions opts;
  opts.qualifier = "live";
  opts.log_tail = true;
  const auto r = lambda.invoke("arn:aws:lambda:us-east-1:1:function:f", "{}", opts);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.function_error, "Unhandled");
  EXPECT_EQ(r.log_tail, "START\nboom\nEND\n");
  EXPECT_EQ(r.executed_version, "7");
  EXPECT_NE(r.payload.find("bad input"), std::string::npos);
}

TEST(Faults, RequesterPaysHeaderAndRequestPaymentReadBack) {
  FakeHttpServer server([](const RecordedRequest& r) {
    if (r.target == "/bucket?requestPayment=") {
      return raw_reply(200,
                       "<RequestPaymentConfiguration><Payer>Requester</Payer></RequestPaymentConfiguration>");
    }
    EXPECT_EQ(r.header("x-amz-request-payer"), "requester") << r.target;
    return raw_reply(200, "data");
  });
  const aws::S3Client s3(config_for(server));
  EXPECT_TRUE(s3.get_bucket_requester_pays("bucket"));
  aws::GetObjectOptions opts;
  opts.requester_pays = true;
  EXPECT_EQ(s3.get_object("bucket", "k", opts).body, "data");
}

TEST(Faults, FailedPartAbortsTheMultipartUpload) {
  FakeHttpServer server([](const RecordedRequest& r) {
    if (r.method == "POST" && r.target.find("?uploads") != std::string::npos) {
      return raw_reply(
          200, "<InitiateMultipartUploadResult><UploadId>UP1</UploadId></InitiateMultipartUploadResult>");
    }
    if (r.method == "PUT") return raw_reply(400, s3_error("InvalidArgument", "part refused"));
    return raw_reply(204, "");
  });
  aws::TransferConfig tc;
  tc.multipart_threshold = 5U << 20;
  tc.part_size = 5U << 20;
  tc.concurrency = 1;
  const aws::S3Client s3(config_for(server));
  const std::string data(11U << 20, 'z');
  EXPECT_THROW(aws::S3Transfer(s3, tc).upload_buffer(data, "bucket", "big"), aws::ValidationError);
  const auto reqs = server.requests();
  ASSERT_GE(reqs.size(), 3U);
  EXPECT_EQ(reqs.back().method, "DELETE");
  EXPECT_EQ(reqs.back().target, "/bucket/big?uploadId=UP1");
}

TEST(Faults, S3ErrorInsideA200CopyIsRetriedThenReported) {
  FakeHttpServer server(
      [](const RecordedRequest&) { return raw_reply(200, s3_error("InternalError", "copy failed")); });
  const aws::S3Client s3(config_for(server));
  try {
    s3.copy_object("a", "k", "b", "k");
    FAIL() << "expected ServiceUnavailableError";
  } catch (const aws::AwsError& e) {
    EXPECT_EQ(e.code(), "InternalError");
    EXPECT_EQ(e.attempts(), 4);
  }
}

TEST(CredentialEndpoints, ContainerCredentialsWithAuthorizationToken) {
  FakeHttpServer server([](const RecordedRequest& r) {
    if (r.header("authorization") != "secret-token") return raw_reply(401, "");
    return raw_reply(
        200,
        R"({"AccessKeyId":"ASIACONTAINER","SecretAccessKey":"s","Token":"t","Expiration":"2099-01-01T00:00:00Z"})");
  });
  aws::testing::EnvGuard env;
  env.set("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url() + "/v2/credentials/abc");
  env.set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "secret-token");
  env.unset("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
  EXPECT_TRUE(aws::ContainerCredentialsProvider::configured());
  const auto c = aws::ContainerCredentialsProvider().get();
  EXPECT_EQ(c.access_key_id, "ASIACONTAINER");
  EXPECT_EQ(c.session_token, "t");
  EXPECT_EQ(server.requests().at(0).target, "/v2/credentials/abc");
  env.set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "wrong");
  EXPECT_THROW(aws::ContainerCredentialsProvider().get(), aws::CredentialsError);
}

TEST(CredentialEndpoints, InstanceMetadataV2TokenFirst) {
  FakeHttpServer server([](const RecordedRequest& r) {
    if (r.method == "PUT" && r.target == "/latest/api/token") {
      EXPECT_EQ(r.header("x-aws-ec2-metadata-token-ttl-seconds"), "21600");
      return raw_reply(200, "IMDS-TOKEN");
    }
    if (r.header("x-aws-ec2-metadata-token") != "IMDS-TOKEN") return raw_reply(401, "");
    if (r.target == "/latest/meta-data/iam/security-credentials/") return raw_reply(200, "my-role");
    if (r.target == "/latest/meta-data/iam/security-credentials/my-role") {
      return raw_reply(
          200,
          R"({"Code":"Success","AccessKeyId":"ASIAEC2","SecretAccessKey":"s","Token":"t","Expiration":"2099-01-01T00:00:00Z"})");
    }
    return raw_reply(404, "");
  });
  aws::testing::EnvGuard env;
  env.unset("AWS_EC2_METADATA_DISABLED");
  env.set("AWS_EC2_METADATA_SERVICE_ENDPOINT", server.url());
  const auto c = aws::InstanceMetadataCredentialsProvider().get();
  EXPECT_EQ(c.access_key_id, "ASIAEC2");
  EXPECT_EQ(server.count(), 3U);
  env.set("AWS_EC2_METADATA_DISABLED", "true");
  EXPECT_THROW(aws::InstanceMetadataCredentialsProvider().get(), aws::CredentialsError);
}

}  // namespace
