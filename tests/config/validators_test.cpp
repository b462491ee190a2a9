#include "config/validators.h"

#include <gtest/gtest.h>

using namespace heliocloud::config;  // NOLINT(google-build-using-namespace)

TEST(Validators, AccountIds) {
  EXPECT_EQ(checkAccountId("123456789012"), "");
  EXPECT_NE(checkAccountId("12345678"), "");  // the original's example account
  EXPECT_NE(checkAccountId("12345678901a"), "");
}

TEST(Validators, Regions) {
  for (const char* ok : {"us-east-1", "eu-west-2", "us-gov-west-1", "ap-southeast-4"})
    EXPECT_EQ(checkRegion(ok), "") << ok;
  for (const char* bad : {"us-east", "US-EAST-1", "useast1", "us-east-100x"})
    EXPECT_NE(checkRegion(bad), "") << bad;
}

TEST(Validators, S3BucketNames) {
  for (const char* ok : {"helio-public", "gov.nasa.data1", "abc", "a1-b2"})
    EXPECT_EQ(checkS3BucketName(ok), "") << ok;
  for (const char* bad : {"ab", "Upper", "-start", "end-", "a..b", "192.168.1.1", "xn--abc", "x-s3alias",
                          "under_score", std::string(64, 'a').c_str()})
    EXPECT_NE(checkS3BucketName(bad), "") << bad;
}

TEST(Validators, CognitoDomainPrefixes) {
  EXPECT_EQ(checkCognitoDomainPrefix("apl-helio"), "");
  EXPECT_NE(checkCognitoDomainPrefix("my-aws-login"), "");  // reserved word
  EXPECT_NE(checkCognitoDomainPrefix("Upper"), "");
  EXPECT_NE(checkCognitoDomainPrefix("-x"), "");
}

TEST(Validators, VpcIdsAndCertificateArns) {
  EXPECT_EQ(checkVpcId("vpc-0123456789abcdef0"), "");
  EXPECT_EQ(checkVpcId("vpc-12345678"), "");
  EXPECT_NE(checkVpcId("vpc-xyz"), "");
  EXPECT_EQ(checkAcmCertificateArn(
                "arn:aws:acm:us-east-1:123456789012:certificate/0f2b3c4d-5e6f-4a1b-9c8d-7e6f5a4b3c2d"),
            "");
  EXPECT_NE(checkAcmCertificateArn("arn:aws:iam::123456789012:role/x"), "");
}

TEST(Validators, ClosestMatchSuggestsTypos) {
  EXPECT_EQ(closestMatch("regsitry", {"registry", "portal", "daskhub"}), "registry");
  EXPECT_EQ(closestMatch("completely-different", {"registry", "portal"}), "");
}
