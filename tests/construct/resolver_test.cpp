#include <gtest/gtest.h>

#include "construct/app.h"
#include "construct/cfn_output.h"
#include "construct/cfn_resource.h"
#include "construct/fn.h"
#include "construct/stack.h"

using namespace heliocloud::construct;  // NOLINT(google-build-using-namespace): test brevity

namespace {

struct TwoStacks {
  App app;
  Construct& root = app.make<Construct>("heliocloud");
  Stack& base = root.make<Stack>("Base");
  Stack& registry = root.make<Stack>("Registry");
  CfnResource& bucket = base.make<Construct>("DataBucket").make<CfnResource>("Resource", "AWS::S3::Bucket");
};

}  // namespace

TEST(Resolver, SameStackReferencesAreRefAndGetAtt) {
  TwoStacks t;
  t.base.make<CfnOutput>(
      "Arn",
      OutputProps{
          .value = t.bucket.get_att("Arn"), .description = "", .export_name = {}, .condition = nullptr});
  t.base.make<CfnOutput>(
      "Name",
      OutputProps{.value = t.bucket.ref(), .description = "", .export_name = {}, .condition = nullptr});
  auto sections = t.base.render();
  EXPECT_EQ(sections.outputs["Arn"]["Value"].dump(), R"({"Fn::GetAtt":["DataBucketE3889A50","Arn"]})");
  EXPECT_EQ(sections.outputs["Name"]["Value"].dump(), R"({"Ref":"DataBucketE3889A50"})");
  EXPECT_TRUE(t.base.dependencies().empty());
}

TEST(Resolver, CrossStackReferenceBecomesExportAndImport) {
  TwoStacks t;
  t.registry.make<CfnResource>(
      "Fn", "AWS::Lambda::Function",
      Value::Map{{"Environment", Value::map({{"BUCKET", t.bucket.get_att("Arn")}})}});
  auto consumer = t.registry.render();
  auto producer = t.base.render();
  t.base.render_exports(producer);
  const std::string export_name = "heliocloudBase8F34CA3B:ExportsOutputFnGetAttDataBucketE3889A50Arn98F8399F";
  EXPECT_EQ(consumer.resources["Fn"]["Properties"]["Environment"]["BUCKET"].dump(),
            R"({"Fn::ImportValue":")" + export_name + R"("})");
  ASSERT_TRUE(producer.outputs.contains("ExportsOutputFnGetAttDataBucketE3889A50Arn98F8399F"));
  EXPECT_EQ(producer.outputs["ExportsOutputFnGetAttDataBucketE3889A50Arn98F8399F"]["Export"]["Name"],
            export_name);
  ASSERT_EQ(t.registry.dependencies().size(), 1U);
  EXPECT_EQ(t.registry.dependencies()[0], &t.base);
}

TEST(Resolver, ReferenceCycleBetweenStacksIsAnErrorNamingThem) {
  TwoStacks t;
  auto& queue = t.registry.make<CfnResource>("Queue", "AWS::SQS::Queue");
  t.registry.make<CfnOutput>(
      "Uses",
      OutputProps{.value = t.bucket.ref(), .description = "", .export_name = {}, .condition = nullptr});
  t.base.make<CfnOutput>(
      "UsesBack",
      OutputProps{.value = queue.ref(), .description = "", .export_name = {}, .condition = nullptr});
  (void)t.registry.render();
  try {
    (void)t.base.render();
    FAIL() << "expected a cycle error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("heliocloud/Base"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("heliocloud/Registry"), std::string::npos);
  }
}

TEST(Resolver, JoinOfLiteralsFolds) {
  TwoStacks t;
  t.base.make<CfnOutput>("Lit",
                         OutputProps{.value = fn::join("", {Value("arn:"), Value("aws"), Value(":s3:::b")}),
                                     .description = "",
                                     .export_name = {},
                                     .condition = nullptr});
  t.base.make<CfnOutput>(
      "Mixed", OutputProps{.value = fn::join("", {Value("a"), Value("b"), t.bucket.ref(), Value("/*")}),
                           .description = "",
                           .export_name = {},
                           .condition = nullptr});
  auto s = t.base.render();
  EXPECT_EQ(s.outputs["Lit"]["Value"], "arn:aws:s3:::b");
  EXPECT_EQ(s.outputs["Mixed"]["Value"].dump(),
            R"({"Fn::Join":["",["ab",{"Ref":"DataBucketE3889A50"},"/*"]]})");
}

TEST(Resolver, IntrinsicsAndPseudoParameters) {
  TwoStacks t;
  t.base.make<CfnOutput>(
      "Az",
      OutputProps{
          .value = fn::select(1, fn::get_azs()), .description = "", .export_name = {}, .condition = nullptr});
  t.base.make<CfnOutput>("Sub", OutputProps{.value = fn::sub("${AWS::Region}-${X}", {{"X", t.bucket.ref()}}),
                                            .description = "",
                                            .export_name = {},
                                            .condition = nullptr});
  t.base.make<CfnOutput>(
      "Part",
      OutputProps{.value = pseudo::partition(), .description = "", .export_name = {}, .condition = nullptr});
  t.base.make<CfnOutput>("Cond", OutputProps{.value = fn::if_("C", Value("a"), pseudo::no_value()),
                                             .description = "",
                                             .export_name = {},
                                             .condition = nullptr});
  auto s = t.base.render();
  EXPECT_EQ(s.outputs["Az"]["Value"].dump(), R"({"Fn::Select":[1,{"Fn::GetAZs":""}]})");
  EXPECT_EQ(s.outputs["Sub"]["Value"].dump(),
            R"({"Fn::Sub":["${AWS::Region}-${X}",{"X":{"Ref":"DataBucketE3889A50"}}]})");
  EXPECT_EQ(s.outputs["Part"]["Value"].dump(), R"({"Ref":"AWS::Partition"})");
  EXPECT_EQ(s.outputs["Cond"]["Value"].dump(), R"({"Fn::If":["C","a",{"Ref":"AWS::NoValue"}]})");
}

TEST(Resolver, TagsAndRemovalPolicyAndDependsOn) {
  TwoStacks t;
  t.root.add_tag("Application ID", "heliocloud");
  t.base.add_tag("Product", "heliocloud-base");
  auto& tagged = t.base.make<CfnResource>("Vpc", "AWS::EC2::VPC", Value::Map{}, TagStyle::KeyValueList);
  tagged.add_tag("Product", "override-deeper");
  tagged.apply_removal_policy(RemovalPolicy::Destroy);
  tagged.add_dependency(t.bucket);
  auto s = t.base.render();
  const auto& r = s.resources["Vpc"];
  EXPECT_EQ(r["Properties"]["Tags"].dump(),
            R"([{"Key":"Application ID","Value":"heliocloud"},{"Key":"Product","Value":"override-deeper"}])");
  EXPECT_EQ(r["DeletionPolicy"], "Delete");
  EXPECT_EQ(r["UpdateReplacePolicy"], "Delete");
  EXPECT_EQ(r["DependsOn"].dump(), R"(["DataBucketE3889A50"])");
  EXPECT_FALSE(s.resources["DataBucketE3889A50"].contains("Properties"));  // S3 untagged here: TagStyle None
}
