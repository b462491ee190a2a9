#include "aws_constructs/s3_bucket.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>
#include <vector>

#include "aws_constructs/custom_resource_provider.h"
#include "aws_constructs/iam_role.h"
#include "test_stack.h"

using heliocloud::testing::TestStack;
using nlohmann::json;
namespace aws = heliocloud::aws_constructs;
using heliocloud::construct::RemovalPolicy;

namespace {

constexpr const char* kProviderPackage = HELIOCLOUD_TEST_LAMBDA_DIR "/custom-resource";

// Every (action, resource) pair of a role's policy, resources as JSON text.
std::set<std::pair<std::string, std::string>> pairs(const json& policy) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& st : policy["Properties"]["PolicyDocument"]["Statement"]) {
    const json actions = st["Action"].is_array() ? st["Action"] : json::array({st["Action"]});
    const json resources = st["Resource"].is_array() ? st["Resource"] : json::array({st["Resource"]});
    for (const auto& a : actions)
      for (const auto& r : resources) out.emplace(a.get<std::string>(), r.dump());
  }
  return out;
}

}  // namespace

TEST(Bucket, SafeDefaults) {
  TestStack t;
  t.stack.make<aws::Bucket>("Data");
  const auto tpl = t.synth();
  const auto& bucket = tpl.only("AWS::S3::Bucket");
  EXPECT_EQ(bucket["DeletionPolicy"], "Retain");
  EXPECT_EQ(bucket["Properties"]["PublicAccessBlockConfiguration"], json({{"BlockPublicAcls", true},
                                                                          {"BlockPublicPolicy", true},
                                                                          {"IgnorePublicAcls", true},
                                                                          {"RestrictPublicBuckets", true}}));
  EXPECT_EQ(tpl.only("AWS::S3::BucketPolicy")["Properties"]["PolicyDocument"]["Statement"][0]["Effect"],
            "Deny");
}

TEST(Bucket, GrantsAreTheLeastEachUseNeedsOnBucketAndObjects) {
  TestStack t;
  auto& bucket = t.stack.make<aws::Bucket>("Data");
  auto& reader = t.stack.make<aws::Role>("Reader", aws::RoleProps{.assumed_by = "lambda.amazonaws.com"});
  auto& writer = t.stack.make<aws::Role>("Writer", aws::RoleProps{.assumed_by = "lambda.amazonaws.com"});
  bucket.grant_read(reader);
  bucket.grant_read_write(writer);
  bucket.grant_delete(writer);
  const auto tpl = t.synth();
  const auto id = tpl.logical_id_of("AWS::S3::Bucket", json::object());
  const std::string arn = json({{"Fn::GetAtt", {id, "Arn"}}}).dump();
  const std::string objects = json({{"Fn::Join", {"", {{{"Fn::GetAtt", {id, "Arn"}}}, "/*"}}}}).dump();
  std::set<std::pair<std::string, std::string>> want_read;
  for (const auto* action : {"s3:GetObject", "s3:ListBucket"})
    for (const auto& r : {arn, objects}) want_read.emplace(action, r);
  std::set<std::pair<std::string, std::string>> want_write;
  for (const auto* action : {"s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:GetBucketLocation",
                             "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts", "s3:DeleteObject"})
    for (const auto& r : {arn, objects}) want_write.emplace(action, r);
  std::vector<std::set<std::pair<std::string, std::string>>> got;
  for (const auto& [pid, policy] : tpl.find_resources("AWS::IAM::Policy")) got.push_back(pairs(policy));
  ASSERT_EQ(got.size(), 2U);
  EXPECT_TRUE((got[0] == want_read && got[1] == want_write) || (got[1] == want_read && got[0] == want_write));
  // Grants with the same resources become one statement.
  for (const auto& [pid, policy] : tpl.find_resources("AWS::IAM::Policy"))
    EXPECT_EQ(policy["Properties"]["PolicyDocument"]["Statement"].size(), 1U);
}

TEST(Bucket, RequestPaymentIsGrantedOnTheBucketOnly) {
  TestStack t;
  auto& bucket = t.stack.make<aws::Bucket>("Data");
  auto& role = t.stack.make<aws::Role>("Role", aws::RoleProps{.assumed_by = "lambda.amazonaws.com"});
  bucket.grant_request_payment(role);
  const auto tpl = t.synth();
  const auto id = tpl.logical_id_of("AWS::S3::Bucket", json::object());
  EXPECT_EQ(pairs(tpl.only("AWS::IAM::Policy")),
            (std::set<std::pair<std::string, std::string>>{
                {"s3:PutBucketRequestPayment", json({{"Fn::GetAtt", {id, "Arn"}}}).dump()},
                {"s3:GetBucketRequestPayment", json({{"Fn::GetAtt", {id, "Arn"}}}).dump()}}));
}

TEST(Bucket, AutoDeleteObjectsUsesOneProviderPerStack) {
  TestStack t;
  aws::CustomResourceProvider::use_package(t.app, kProviderPackage);
  t.stack.make<aws::Bucket>(
      "One", aws::BucketProps{.removal_policy = RemovalPolicy::Destroy, .auto_delete_objects = true});
  t.stack.make<aws::Bucket>(
      "Two", aws::BucketProps{.removal_policy = RemovalPolicy::Destroy, .auto_delete_objects = true});
  const auto tpl = t.synth();
  EXPECT_EQ(tpl.count("AWS::Lambda::Function"), 1U);
  const auto provider_id = tpl.logical_id_of("AWS::Lambda::Function", json::object());
  EXPECT_EQ(provider_id.rfind("CustomResourceProvider", 0), 0U) << provider_id;
  const auto emptiers = tpl.find_resources("Custom::EmptyBucket");
  ASSERT_EQ(emptiers.size(), 2U);
  for (const auto& [id, emptier] : emptiers) {
    EXPECT_EQ(emptier["Properties"]["ServiceToken"], json({{"Fn::GetAtt", {provider_id, "Arn"}}}));
    const std::string bucket = emptier["Properties"]["BucketName"]["Ref"];
    EXPECT_EQ(emptier["DependsOn"], json({bucket}));  // emptied before the bucket goes
    EXPECT_EQ(emptier["DeletionPolicy"], "Delete");
  }
  // The provider may empty exactly these two buckets.
  const auto& provider_policy = tpl.only("AWS::IAM::Policy");
  std::size_t delete_versions = 0;
  for (const auto& [action, resource] : pairs(provider_policy))
    delete_versions += static_cast<std::size_t>(action == "s3:DeleteObjectVersion");
  EXPECT_EQ(delete_versions, 4U);  // two buckets, each the bucket and its objects
}

TEST(Bucket, AutoDeleteObjectsNeedsDestroyAndAProviderPackage) {
  TestStack t;
  EXPECT_THROW(t.stack.make<aws::Bucket>("Kept", aws::BucketProps{.auto_delete_objects = true}),
               std::invalid_argument);
  try {
    t.stack.make<aws::Bucket>(
        "Gone", aws::BucketProps{.removal_policy = RemovalPolicy::Destroy, .auto_delete_objects = true});
    FAIL() << "expected an error: no provider package was given";
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("use_package"), std::string::npos) << e.what();
  }
}

TEST(Bucket, EachStackBelowThePackageSettingGetsItsOwnProvider) {
  heliocloud::construct::App app;
  auto& instance = app.make<heliocloud::construct::Construct>("instance");
  aws::CustomResourceProvider::use_package(instance, kProviderPackage);
  auto& first = instance.make<heliocloud::construct::Stack>("First");
  auto& second = instance.make<heliocloud::construct::Stack>("Second");
  for (auto* stack : {&first, &second})
    stack->make<aws::Bucket>(
        "Uploads", aws::BucketProps{.removal_policy = RemovalPolicy::Destroy, .auto_delete_objects = true});
  EXPECT_EQ(&aws::CustomResourceProvider::of(first), &aws::CustomResourceProvider::of(first));
  EXPECT_NE(&aws::CustomResourceProvider::of(first), &aws::CustomResourceProvider::of(second));
  for (auto* stack : {&first, &second}) {
    const auto tpl = heliocloud::testing::Template::from_stack(*stack);
    EXPECT_EQ(tpl.count("AWS::Lambda::Function"), 1U);
    EXPECT_EQ(tpl.count("Custom::EmptyBucket"), 1U);
    EXPECT_TRUE(stack->dependencies().empty());  // no stack borrows another's provider
  }
}
