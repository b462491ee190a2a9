#include "daskhub/quoting.h"

#include <gtest/gtest.h>

namespace heliocloud::daskhub {
namespace {

TEST(ShellQuote, WrapsInSingleQuotesAndEscapesThem) {
  EXPECT_EQ(shell_quote("daskhub"), "'daskhub'");
  EXPECT_EQ(shell_quote("it's"), "'it'\\''s'");
  EXPECT_EQ(shell_quote("$(rm -rf /) `x` \"y\""), "'$(rm -rf /) `x` \"y\"'");
  EXPECT_EQ(shell_quote(""), "''");
}

TEST(YamlQuote, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(yaml_quote("a: b # c"), "\"a: b # c\"");
  EXPECT_EQ(yaml_quote("say \"hi\"\\"), "\"say \\\"hi\\\"\\\\\"");
  EXPECT_EQ(yaml_quote(std::string("x\ny\t\x01", 5)), "\"x\\ny\\t\\u0001\"");
}

}  // namespace
}  // namespace heliocloud::daskhub
