#include "template_assertions.h"

#include <gtest/gtest.h>

#include "construct/app.h"
#include "construct/cfn_resource.h"

using heliocloud::testing::json_contains;
using heliocloud::testing::Template;
using nlohmann::json;
namespace construct = heliocloud::construct;

TEST(JsonContains, ObjectsPartiallyArraysAndValuesExactly) {
  const json actual = {{"A", 1}, {"B", {{"C", "x"}, {"D", {1, 2}}}}};
  EXPECT_TRUE(json_contains(actual, {{"B", {{"C", "x"}}}}));
  EXPECT_TRUE(json_contains(actual, json::object()));
  EXPECT_FALSE(json_contains(actual, {{"B", {{"C", "y"}}}}));
  EXPECT_FALSE(json_contains(actual, {{"B", {{"D", {1}}}}}));  // arrays must match in length
  EXPECT_FALSE(json_contains(actual, {{"E", 1}}));
  EXPECT_FALSE(json_contains(1, "1"));
}

TEST(Template, FromStackRendersInMemoryWithExports) {
  construct::App app;
  auto& base = app.make<construct::Stack>("Base");
  auto& other = app.make<construct::Stack>("Other");
  auto& bucket = base.make<construct::CfnResource>(
      "Bucket", "AWS::S3::Bucket", construct::Value::Map{{"BucketName", construct::Value("data")}});
  other.make<construct::CfnResource>("Topic", "AWS::SNS::Topic",
                                     construct::Value::Map{{"TopicName", bucket.ref()}});
  const auto tpl = Template::from_stack(base);
  EXPECT_EQ(tpl.count("AWS::S3::Bucket"), 1U);
  EXPECT_TRUE(tpl.has_resource_properties("AWS::S3::Bucket", {{"BucketName", "data"}}));
  EXPECT_FALSE(tpl.has_resource_properties("AWS::S3::Bucket", {{"BucketName", "other"}}));
  EXPECT_EQ(tpl.logical_id_of("AWS::S3::Bucket", json::object()), "Bucket");
  EXPECT_EQ(tpl.outputs().size(), 1U);  // the export the other stack's reference made
  EXPECT_THROW((void)tpl.only("AWS::SNS::Topic"), std::runtime_error);
}
