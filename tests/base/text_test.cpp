#include "base/text.h"

#include <gtest/gtest.h>

namespace base = heliocloud::base;

TEST(Text, TrimStripsWhitespaceAtBothEndsOnly) {
  EXPECT_EQ(base::trim(""), "");
  EXPECT_EQ(base::trim(" \t\r\n\v\f"), "");
  EXPECT_EQ(base::trim("  a b \r\n"), "a b");
  EXPECT_EQ(base::trim("x"), "x");
}

TEST(Text, TrimWithBlanksKeepsLineBreaks) {
  EXPECT_EQ(base::trim(" \ta\r\t ", base::kBlanks), "a\r");
  EXPECT_EQ(base::trim("\n", base::kBlanks), "\n");
  EXPECT_EQ(base::trim(" \t ", base::kBlanks), "");
}

TEST(Text, ToLowerChangesAsciiLettersOnly) {
  EXPECT_EQ(base::to_lower(""), "");
  EXPECT_EQ(base::to_lower("Content-MD5 \xC3\x89"), "content-md5 \xC3\x89");
}

TEST(Text, SplitKeepsEmptyPieces) {
  using Pieces = std::vector<std::string_view>;
  EXPECT_EQ(base::split("", ','), Pieces{""});
  EXPECT_EQ(base::split("a", ','), Pieces{"a"});
  EXPECT_EQ(base::split("a,,b", ','), (Pieces{"a", "", "b"}));
  EXPECT_EQ(base::split(",a,", ','), (Pieces{"", "a", ""}));
}
