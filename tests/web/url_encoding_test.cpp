// Form and query-string parsing: the one parser under both front doors.
#include "web/url_encoding.h"

#include <gtest/gtest.h>

namespace web = heliocloud::web;

TEST(UrlEncoding, ParsesFormsWithRepeatsEmptiesAndFlags) {
  const auto p = web::parse_urlencoded("a=1&b=x+y&&a=%32&flag&c=&d%5B%5D=%26");
  ASSERT_EQ(p.entries().size(), 6U);
  EXPECT_EQ(p.get_all("a"), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(p.get("b"), "x y");
  EXPECT_EQ(p.get("flag"), "");
  EXPECT_EQ(p.get("c"), "");
  EXPECT_EQ(p.get("d[]"), "&");
  EXPECT_FALSE(p.has("missing"));
  EXPECT_TRUE(web::parse_urlencoded("").empty());
}
