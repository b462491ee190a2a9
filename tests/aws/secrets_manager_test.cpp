// The Secrets Manager client against a scripted local server: GetSecretValue's request and both kinds of
// value, and a missing secret as NotFoundError.
#include "aws/secrets_manager.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "aws/errors.h"
#include "base/base64.h"
#include "fake_http_server.h"
#include "scripted_server_config.h"

namespace aws = heliocloud::aws;
using heliocloud::testing::FakeHttpServer;
using heliocloud::testing::RecordedRequest;
using nlohmann::json;

namespace {

aws::ClientConfig secrets_manager_config(const FakeHttpServer& server) {
  return aws::testing::scripted_server_config(server, "eu-west-1", 2);
}

const std::string kArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:session-key-AbCdEf";

}  // namespace

TEST(SecretsManager, GetSecretValueReadsAStringValue) {
  FakeHttpServer server([](const RecordedRequest&) {
    return heliocloud::testing::CannedResponse{
        200,
        {},
        json{{"ARN", kArn}, {"Name", "session-key"}, {"VersionId", "v1"}, {"SecretString", "k3y"}}.dump()};
  });
  const aws::SecretsManagerClient secrets(secrets_manager_config(server));
  const auto value = secrets.get_secret_value(kArn);
  EXPECT_EQ(value.arn, kArn);
  EXPECT_EQ(value.name, "session-key");
  EXPECT_EQ(value.version_id, "v1");
  EXPECT_EQ(value.secret_string, "k3y");
  EXPECT_EQ(value.secret_binary, std::nullopt);

  const auto r = server.requests().at(0);
  EXPECT_EQ(r.header("x-amz-target"), "secretsmanager.GetSecretValue");
  EXPECT_EQ(r.header("content-type"), "application/x-amz-json-1.1");
  EXPECT_NE(r.header("authorization").find("/eu-west-1/secretsmanager/aws4_request"), std::string::npos);
  EXPECT_EQ(json::parse(r.body), (json{{"SecretId", kArn}}));
  (void)secrets.get_secret_value(kArn, "AWSPREVIOUS");
  EXPECT_EQ(json::parse(server.requests().at(1).body),
            (json{{"SecretId", kArn}, {"VersionStage", "AWSPREVIOUS"}}));
}

TEST(SecretsManager, GetSecretValueDecodesABinaryValue) {
  const std::string bytes("\x00\x01\xfe\xff key", 8);
  FakeHttpServer server([&bytes](const RecordedRequest&) {
    return heliocloud::testing::CannedResponse{
        200, {}, json{{"ARN", kArn}, {"SecretBinary", heliocloud::base::base64_encode(bytes)}}.dump()};
  });
  const auto value = aws::SecretsManagerClient(secrets_manager_config(server)).get_secret_value(kArn);
  EXPECT_EQ(value.secret_string, std::nullopt);
  EXPECT_EQ(value.secret_binary, bytes);
}

TEST(SecretsManager, AMissingSecretIsNotFound) {
  FakeHttpServer server([](const RecordedRequest&) {
    return heliocloud::testing::CannedResponse{
        400,
        {},
        R"({"__type":"ResourceNotFoundException","Message":"Secrets Manager can't find the specified secret."})"};
  });
  try {
    (void)aws::SecretsManagerClient(secrets_manager_config(server)).get_secret_value("nope");
    FAIL() << "expected NotFoundError";
  } catch (const aws::NotFoundError& e) {
    EXPECT_EQ(e.code(), "ResourceNotFoundException");
    EXPECT_EQ(e.operation(), "GetSecretValue");
  }
  EXPECT_EQ(server.count(), 1U);
}
