#include "aws_constructs/kms_key.h"

#include <gtest/gtest.h>

#include "aws_constructs/iam_role.h"
#include "test_stack.h"

using heliocloud::testing::TestStack;
using nlohmann::json;
namespace aws = heliocloud::aws_constructs;

TEST(Key, RotatesIsRetainedAndDelegatesToIamLikeAwsCdkLib) {
  TestStack t;
  t.stack.make<aws::Key>("Key", aws::KeyProps{.description = "data", .alias = "helio-data"});
  const auto tpl = t.synth();
  const auto& key = tpl.only("AWS::KMS::Key");
  EXPECT_EQ(key["Properties"]["EnableKeyRotation"], true);
  EXPECT_EQ(key["Properties"]["PendingWindowInDays"], 30);
  EXPECT_EQ(key["DeletionPolicy"], "Retain");
  const auto& statements = key["Properties"]["KeyPolicy"]["Statement"];
  ASSERT_EQ(statements.size(), 1U);
  EXPECT_EQ(statements[0]["Action"], "kms:*");
  EXPECT_EQ(
      statements[0]["Principal"]["AWS"].dump(),
      R"({"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":iam::",{"Ref":"AWS::AccountId"},":root"]]})");
  EXPECT_TRUE(tpl.has_resource_properties("AWS::KMS::Alias", {{"AliasName", "alias/helio-data"}}));
}

TEST(Key, GrantsGoToTheIdentityPolicyOnThisKeyOnly) {
  TestStack t;
  auto& key = t.stack.make<aws::Key>("Key");
  auto& role = t.stack.make<aws::Role>("Role", aws::RoleProps{.assumed_by = "lambda.amazonaws.com"});
  key.grant_encrypt_decrypt(role);
  const auto tpl = t.synth();
  const auto key_id = tpl.logical_id_of("AWS::KMS::Key", json::object());
  EXPECT_TRUE(tpl.has_resource_properties(
      "AWS::IAM::Policy",
      {{"PolicyDocument",
        {{"Statement",
          {{{"Action", {"kms:Decrypt", "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"}},
            {"Resource", {{"Fn::GetAtt", {key_id, "Arn"}}}}}}}}}}));
}
