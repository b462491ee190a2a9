#include "aws/xml.h"

#include <gtest/gtest.h>

namespace xml = heliocloud::aws::xml;

TEST(Xml, ParsesListBucketResult) {
  const auto root = xml::parse(R"(<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>bucket</Name><IsTruncated>true</IsTruncated>
  <Contents><Key>a&amp;b.txt</Key><Size>12</Size></Contents>
  <Contents><Key>c &lt;d&gt; &#233;&#x263A;</Key><Size>0</Size></Contents>
  <NextContinuationToken>tok==</NextContinuationToken>
</ListBucketResult>)");
  EXPECT_EQ(root.name, "ListBucketResult");
  ASSERT_EQ(root.attributes.size(), 1U);
  EXPECT_EQ(root.attributes[0].second, "http://s3.amazonaws.com/doc/2006-03-01/");
  const auto contents = root.children_named("Contents");
  ASSERT_EQ(contents.size(), 2U);
  EXPECT_EQ(contents[0]->child_text("Key"), "a&b.txt");
  EXPECT_EQ(contents[1]->child_text("Key"), "c <d> \xC3\xA9\xE2\x98\xBA");
  EXPECT_EQ(root.child_text("NextContinuationToken"), "tok==");
  EXPECT_EQ(root.child_text("Missing", "dflt"), "dflt");
}

TEST(Xml, CdataCommentsSelfClosingAndPaths) {
  const auto root =
      xml::parse("<a><!-- c --><b/><c x='1'><![CDATA[<raw> & stuff]]></c><d><e>deep</e></d></a>");
  EXPECT_NE(root.child("b"), nullptr);
  EXPECT_EQ(root.child_text("c"), "<raw> & stuff");
  ASSERT_NE(root.find("d/e"), nullptr);
  EXPECT_EQ(root.find("d/e")->text, "deep");
  EXPECT_EQ(root.find("d/x"), nullptr);
}

TEST(Xml, RejectsMalformedDocuments) {
  EXPECT_THROW(xml::parse("<a><b></a>"), std::runtime_error);
  EXPECT_THROW(xml::parse("<a>"), std::runtime_error);
  EXPECT_THROW(xml::parse("<a>&bogus;</a>"), std::runtime_error);
  EXPECT_THROW(xml::parse("<a></a><b></b>"), std::runtime_error);
  EXPECT_THROW(xml::parse(""), std::runtime_error);
  // The shape moto's HTML 500 pages take: the CLI reports "mismatched tags"; we must throw, not guess.
  EXPECT_THROW(xml::parse("<html><title>500</html>"), std::runtime_error);
}

TEST(Xml, EscapeRoundTrips) {
  const std::string s = "a<b>&\"c'";
  EXPECT_EQ(xml::escape(s), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(xml::parse("<k>" + xml::escape(s) + "</k>").text, s);
}
