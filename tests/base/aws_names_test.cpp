#include "base/aws_names.h"

#include <gtest/gtest.h>

using heliocloud::base::check_s3_bucket_name;

TEST(AwsNames, AcceptsOrdinaryBucketNames) {
  EXPECT_EQ(check_s3_bucket_name("helio-public"), "");
  EXPECT_EQ(check_s3_bucket_name("a.b-c"), "");
  EXPECT_EQ(check_s3_bucket_name(std::string(63, 'a')), "");
}

TEST(AwsNames, SaysWhyABucketNameIsRefused) {
  EXPECT_NE(check_s3_bucket_name("").find("3 to 63"), std::string::npos);
  EXPECT_NE(check_s3_bucket_name(std::string(64, 'a')).find("3 to 63"), std::string::npos);
  EXPECT_NE(check_s3_bucket_name("Upper").find("lower-case"), std::string::npos);
  EXPECT_NE(check_s3_bucket_name("-abc").find("starts and ends"), std::string::npos);
  EXPECT_NE(check_s3_bucket_name("a..b").find("two dots"), std::string::npos);
  EXPECT_NE(check_s3_bucket_name("192.168.1.1").find("IP address"), std::string::npos);
  EXPECT_EQ(check_s3_bucket_name("xn--abc"), "an S3 bucket name must not start with xn--");
  EXPECT_EQ(check_s3_bucket_name("data-s3alias"), "an S3 bucket name must not end with -s3alias");
}
