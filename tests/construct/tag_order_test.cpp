#include "construct/tag_order.h"

#include <gtest/gtest.h>

using heliocloud::construct::sorted_tags;
using heliocloud::construct::tag_key_less;

// The order of a subnet's tags in the original's templates (aws-cdk-lib: localeCompare).
TEST(TagOrder, CaseIsIgnoredAsInAwsCdkLib) {
  const auto tags = sorted_tags({{"Product", "p"},
                                 {"aws-cdk:subnet-type", "Public"},
                                 {"Name", "n"},
                                 {"aws-cdk:subnet-name", "Public"},
                                 {"Application ID", "a"}});
  std::vector<std::string> keys;
  keys.reserve(tags.size());
  for (const auto& [k, v] : tags) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"Application ID", "aws-cdk:subnet-name", "aws-cdk:subnet-type",
                                            "Name", "Product"}));
}

TEST(TagOrder, PunctuationBeforeDigitsBeforeLettersAndLowercaseFirstOnTies) {
  EXPECT_TRUE(tag_key_less("a b", "a-b"));
  EXPECT_TRUE(tag_key_less("a-b", "a:b"));
  EXPECT_TRUE(tag_key_less("a:b", "a1"));
  EXPECT_TRUE(tag_key_less("a1", "ab"));
  EXPECT_TRUE(tag_key_less("ab", "ABC"));
  EXPECT_TRUE(tag_key_less("name", "Name"));
  EXPECT_FALSE(tag_key_less("Name", "name"));
  EXPECT_FALSE(tag_key_less("x", "x"));
  EXPECT_TRUE(tag_key_less("Z", "\xc3\xa9"));  // non-ASCII after ASCII letters
}
