#include "config/validators.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace heliocloud::config;  // NOLINT(google-build-using-namespace)

TEST(Validators, AccountIds) {
  EXPECT_EQ(check_account_id("123456789012"), "");
  EXPECT_NE(check_account_id("12345678"), "");  // the original's example account
  EXPECT_NE(check_account_id("12345678901a"), "");
}

TEST(Validators, Regions) {
  for (const char* ok : {"us-east-1", "eu-west-2", "us-gov-west-1", "ap-southeast-4"})
    EXPECT_EQ(check_region(ok), "") << ok;
  for (const char* bad : {"us-east", "US-EAST-1", "useast1", "us-east-100x"})
    EXPECT_NE(check_region(bad), "") << bad;
}

TEST(Validators, S3BucketNames) {
  for (const char* ok : {"helio-public", "gov.nasa.data1", "abc", "a1-b2"})
    EXPECT_EQ(check_s3_bucket_name(ok), "") << ok;
  // std::string elements: a c_str() of a temporary in this list would dangle before the loop body runs.
  const std::vector<std::string> bad_names = {
      "ab",          "Upper",   "-start",    "end-",        "a..b",
      "192.168.1.1", "xn--abc", "x-s3alias", "under_score", std::string(64, 'a')};
  for (const auto& bad : bad_names) EXPECT_NE(check_s3_bucket_name(bad), "") << bad;
}

TEST(Validators, CognitoDomainPrefixes) {
  EXPECT_EQ(check_cognito_domain_prefix("apl-helio"), "");
  EXPECT_NE(check_cognito_domain_prefix("my-aws-login"), "");  // reserved word
  EXPECT_NE(check_cognito_domain_prefix("Upper"), "");
  EXPECT_NE(check_cognito_domain_prefix("-x"), "");
}

TEST(Validators, VpcIdsAndCertificateArns) {
  EXPECT_EQ(check_vpc_id("vpc-0123456789abcdef0"), "");
  EXPECT_EQ(check_vpc_id("vpc-12345678"), "");
  EXPECT_NE(check_vpc_id("vpc-xyz"), "");
  EXPECT_EQ(check_acm_certificate_arn(
                "arn:aws:acm:us-east-1:123456789012:certificate/0f2b3c4d-5e6f-4a1b-9c8d-7e6f5a4b3c2d"),
            "");
  EXPECT_NE(check_acm_certificate_arn("arn:aws:iam::123456789012:role/x"), "");
}

TEST(Validators, ClosestMatchSuggestsTypos) {
  EXPECT_EQ(closest_match("regsitry", {"registry", "portal", "daskhub"}), "registry");
  EXPECT_EQ(closest_match("completely-different", {"registry", "portal"}), "");
}

TEST(Validators, DaskhubFormats) {
  EXPECT_EQ(check_email_address("helio.cloud@example.org"), "");
  for (const char* bad : {"", "@example.org", "a@", "a@b", "a b@example.org", "None"})
    EXPECT_NE(check_email_address(bad), "") << bad;

  EXPECT_EQ(check_availability_zone("us-east-1a", "us-east-1"), "");
  EXPECT_EQ(check_availability_zone("us-gov-west-1b", ""), "");
  EXPECT_NE(check_availability_zone("us-east-1", ""), "");
  EXPECT_NE(check_availability_zone("us-west-2a", "us-east-1"), "");

  EXPECT_EQ(check_iam_principal_arn("arn:aws:iam::123456789012:role/CT-PowerUser-HelioCloud"), "");
  EXPECT_EQ(check_iam_principal_arn("arn:aws-us-gov:iam::123456789012:user/path/ada"), "");
  EXPECT_NE(check_iam_principal_arn("arn:aws:iam::123456789012:group/admins"), "");
  EXPECT_NE(check_iam_principal_arn("arn:aws:iam::12345:role/x"), "");

  for (const char* ok : {"10000Gi", "500G", "1Ti", "1"}) EXPECT_EQ(check_storage_quantity(ok), "") << ok;
  for (const char* bad : {"", "0Gi", "10 Gi", "10GB", "1.5Gi", "-1Gi", "Gi"})
    EXPECT_NE(check_storage_quantity(bad), "") << bad;

  for (const char* ok : {"public.ecr.aws/q3h7b4o8/heliocloud/helio-daskhub-core", "localhost:5000/img",
                         "docker.io/library/python"})
    EXPECT_EQ(check_image_repository(ok), "") << ok;
  for (const char* bad : {"", "python", "Public.ecr.aws/x", "ecr.aws/x:tag", "ecr.aws//x"})
    EXPECT_NE(check_image_repository(bad), "") << bad;
  EXPECT_EQ(check_image_tag("2025.01.29"), "");
  EXPECT_NE(check_image_tag(".hidden"), "");
  EXPECT_NE(check_image_tag(std::string(129, 'a')), "");
}
