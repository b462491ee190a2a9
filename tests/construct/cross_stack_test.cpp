// What a reference from one stack to another may not carry: a secret (the export would publish it), or a
// value of a stack in another account or region (an export lives in one).
#include <gtest/gtest.h>

#include "construct/app.h"
#include "construct/cfn_output.h"
#include "construct/cfn_resource.h"
#include "construct/stack.h"
#include "construct/synthesis.h"

using namespace heliocloud::construct;  // NOLINT(google-build-using-namespace): test brevity

namespace {

std::string synth_error(App& app) {
  try {
    (void)render_templates(app);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(CrossStack, ASecretAttributeCannotBeExported) {
  App app;
  auto& auth = app.make<Stack>("Auth");
  auto& portal = app.make<Stack>("Portal");
  auto& client = auth.make<CfnResource>("Client", "AWS::Cognito::UserPoolClient");
  portal.make<CfnOutput>("Secret", OutputProps{.value = client.get_att_secret("ClientSecret")});
  const std::string error = synth_error(app);
  EXPECT_NE(error.find("stack Portal uses the secret ClientSecret of Auth/Client from stack Auth"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("CloudFormation export"), std::string::npos) << error;
}

TEST(CrossStack, ASecretInsideAJoinIsFoundToo) {
  App app;
  auto& auth = app.make<Stack>("Auth");
  auto& portal = app.make<Stack>("Portal");
  auto& client = auth.make<CfnResource>("Client", "AWS::Cognito::UserPoolClient");
  portal.make<CfnOutput>(
      "Secret",
      OutputProps{
          .value = Value::intrinsic(
              "Fn::Join",
              Value::list({Value(""), Value::list({Value("x"), client.get_att_secret("ClientSecret")})}))});
  EXPECT_NE(synth_error(app).find("secret ClientSecret"), std::string::npos);
}

TEST(CrossStack, ASecretStaysUsableInItsOwnStackAndOtherAttributesCrossFreely) {
  App app;
  auto& auth = app.make<Stack>("Auth");
  auto& portal = app.make<Stack>("Portal");
  auto& client = auth.make<CfnResource>("Client", "AWS::Cognito::UserPoolClient");
  auth.make<CfnOutput>("Secret", OutputProps{.value = client.get_att_secret("ClientSecret")});
  portal.make<CfnOutput>("Id", OutputProps{.value = client.ref()});
  EXPECT_EQ(synth_error(app), "");
  EXPECT_EQ(portal.dependencies().size(), 1U);
}

TEST(CrossStack, StacksOfDifferentEnvironmentsCannotReferenceEachOther) {
  App app;
  auto& east = app.make<Stack>("East", StackProps{.env = {.account = "123456789012", .region = "us-east-1"}});
  auto& west = app.make<Stack>("West", StackProps{.env = {.account = "123456789012", .region = "us-west-2"}});
  auto& bucket = east.make<CfnResource>("Bucket", "AWS::S3::Bucket");
  west.make<CfnOutput>("Name", OutputProps{.value = bucket.ref()});
  const std::string error = synth_error(app);
  EXPECT_NE(
      error.find("stack West (aws://123456789012/us-west-2) uses the Ref of East/Bucket from stack East "
                 "(aws://123456789012/us-east-1)"),
      std::string::npos)
      << error;
}

TEST(CrossStack, AnEnvironmentAgnosticStackCannotReferenceAnEnvSpecificOne) {
  App app;
  auto& east = app.make<Stack>("East", StackProps{.env = {.account = "123456789012", .region = "us-east-1"}});
  auto& agnostic = app.make<Stack>("Agnostic");
  auto& bucket = east.make<CfnResource>("Bucket", "AWS::S3::Bucket");
  agnostic.make<CfnOutput>("Name", OutputProps{.value = bucket.ref()});
  EXPECT_NE(synth_error(app).find("same account and region"), std::string::npos);
}

TEST(CrossStack, SameEnvironmentOrBothAgnosticIsFine) {
  App app;
  auto& a = app.make<Stack>("A", StackProps{.env = {.account = "123456789012", .region = "us-east-1"}});
  auto& b = app.make<Stack>("B", StackProps{.env = {.account = "123456789012", .region = "us-east-1"}});
  auto& c = app.make<Stack>("C");
  auto& d = app.make<Stack>("D");
  b.make<CfnOutput>("Name", OutputProps{.value = a.make<CfnResource>("Bucket", "AWS::S3::Bucket").ref()});
  d.make<CfnOutput>("Name", OutputProps{.value = c.make<CfnResource>("Bucket", "AWS::S3::Bucket").ref()});
  EXPECT_EQ(synth_error(app), "");
}

TEST(RemovalPolicy, RetainOnUpdateOrDeleteAsAwsCdkLibMapsIt) {
  App app;
  auto& stack = app.make<Stack>("S");
  auto& table = stack.make<CfnResource>("Table", "AWS::DynamoDB::Table");
  table.apply_removal_policy(RemovalPolicy::RetainOnUpdateOrDelete);
  const auto rendered = render_templates(app);
  const auto& r = rendered.at(0).template_json["Resources"]["Table"];
  EXPECT_EQ(r["DeletionPolicy"], "RetainExceptOnCreate");
  EXPECT_EQ(r["UpdateReplacePolicy"], "Retain");
}
