#include "aws/endpoints.h"

#include <gtest/gtest.h>

#include "env_guard.h"

namespace aws = heliocloud::aws;

namespace {
const aws::ServiceInfo kS3{.name = "S3", .signing_name = "s3", .endpoint_prefix = "s3", .env_id = "S3"};
const aws::ServiceInfo kDdb{
    .name = "DynamoDB", .signing_name = "dynamodb", .endpoint_prefix = "dynamodb", .env_id = "DYNAMODB"};
}  // namespace

TEST(Endpoints, ParseUrl) {
  auto u = aws::parse_url("http://127.0.0.1:5123");
  EXPECT_EQ(u.scheme, "http");
  EXPECT_EQ(u.host, "127.0.0.1");
  EXPECT_EQ(u.port, "5123");
  EXPECT_EQ(u.authority(), "127.0.0.1:5123");
  u = aws::parse_url("https://s3.eu-west-1.amazonaws.com:443/base/");
  EXPECT_EQ(u.authority(), "s3.eu-west-1.amazonaws.com");
  EXPECT_EQ(u.base_path, "/base");
  u = aws::parse_url("http://[::1]:9000");
  EXPECT_EQ(u.host, "[::1]");
  EXPECT_EQ(u.port, "9000");
  EXPECT_THROW(aws::parse_url("localhost:5000"), std::invalid_argument);
  EXPECT_THROW(aws::parse_url("ftp://x"), std::invalid_argument);
}

TEST(Endpoints, PrecedenceOfOverrides) {
  aws::testing::EnvGuard env;
  env.unset("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
  env.unset("AWS_ENDPOINT_URL");
  env.unset("AWS_ENDPOINT_URL_S3");
  env.unset("AWS_ENDPOINT_URL_DYNAMODB");
  auto e = aws::resolve_endpoint(kS3, "eu-west-1", std::nullopt);
  EXPECT_FALSE(e.custom);
  EXPECT_EQ(e.url.origin(), "https://s3.eu-west-1.amazonaws.com");
  EXPECT_EQ(aws::resolve_endpoint(kDdb, "cn-north-1", std::nullopt).url.origin(),
            "https://dynamodb.cn-north-1.amazonaws.com.cn");

  env.set("AWS_ENDPOINT_URL", "http://127.0.0.1:5000");
  e = aws::resolve_endpoint(kS3, "eu-west-1", std::nullopt);
  EXPECT_TRUE(e.custom);
  EXPECT_EQ(e.url.origin(), "http://127.0.0.1:5000");

  env.set("AWS_ENDPOINT_URL_S3", "http://localhost:9000");
  EXPECT_EQ(aws::resolve_endpoint(kS3, "eu-west-1", std::nullopt).url.origin(), "http://localhost:9000");
  EXPECT_EQ(aws::resolve_endpoint(kDdb, "eu-west-1", std::nullopt).url.origin(), "http://127.0.0.1:5000");
  EXPECT_EQ(aws::resolve_endpoint(kS3, "eu-west-1", std::string("http://explicit:1")).url.origin(),
            "http://explicit:1");
  EXPECT_EQ(aws::resolve_endpoint(kS3, "eu-west-1", std::nullopt, false).url.origin(),
            "https://s3.eu-west-1.amazonaws.com");

  env.set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
  EXPECT_FALSE(aws::resolve_endpoint(kS3, "eu-west-1", std::nullopt).custom);
}

TEST(Endpoints, S3VirtualHostCompatibility) {
  EXPECT_TRUE(aws::s3_virtual_host_compatible("my-bucket-1"));
  EXPECT_FALSE(aws::s3_virtual_host_compatible("my.bucket"));  // wildcard TLS certificate covers one label
  EXPECT_FALSE(aws::s3_virtual_host_compatible("MyBucket"));
  EXPECT_FALSE(aws::s3_virtual_host_compatible("ab"));
  EXPECT_FALSE(aws::s3_virtual_host_compatible("-bucket"));
  EXPECT_TRUE(aws::is_ip_address("127.0.0.1"));
  EXPECT_TRUE(aws::is_ip_address("[::1]"));
  EXPECT_FALSE(aws::is_ip_address("localhost"));
}
