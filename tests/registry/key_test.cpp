#include "registry/key.h"

#include <gtest/gtest.h>

namespace heliocloud::registry {
namespace {

TEST(KeySafety, AcceptsOrdinaryRelativeKeys) {
  EXPECT_FALSE(key_problem("mms1/fgm/brst/l2/2015/09/01/x_v4.18.0.cdf"));
  EXPECT_FALSE(key_problem("a.cdf"));
  EXPECT_FALSE(key_problem("données/é.cdf"));
  EXPECT_FALSE(key_problem("a,b/with space.cdf"));
}

TEST(KeySafety, RejectsKeysThatEscapeOrBreakTheFolder) {
  EXPECT_NE(key_problem("/etc/passwd")->find("starts with '/'"), std::string::npos);
  EXPECT_NE(key_problem("a/../../b.cdf")->find("'..'"), std::string::npos);
  EXPECT_NE(key_problem("./a.cdf")->find("'.'"), std::string::npos);
  EXPECT_NE(key_problem("a//b.cdf")->find("empty path segment"), std::string::npos);
  EXPECT_NE(key_problem("a/")->find("empty path segment"), std::string::npos);
  EXPECT_NE(key_problem("")->find("empty"), std::string::npos);
  EXPECT_NE(key_problem("a\tb.cdf")->find("control"), std::string::npos);
  EXPECT_NE(key_problem(std::string("a\x7f.cdf"))->find("control"), std::string::npos);
  EXPECT_NE(key_problem("\xC3\x28.cdf")->find("UTF-8"), std::string::npos);
  EXPECT_NE(key_problem(std::string(1025, 'a'))->find("1025 bytes"), std::string::npos);
  EXPECT_FALSE(key_problem(std::string(1024, 'a')));
}

TEST(KeySafety, BucketNames) {
  EXPECT_TRUE(is_valid_bucket_name("helio-public"));
  EXPECT_TRUE(is_valid_bucket_name("test"));
  EXPECT_FALSE(is_valid_bucket_name("ab"));
  EXPECT_FALSE(is_valid_bucket_name("Upper"));
  EXPECT_FALSE(is_valid_bucket_name("-dash"));
  EXPECT_FALSE(is_valid_bucket_name("under_score"));
}

}  // namespace
}  // namespace heliocloud::registry
