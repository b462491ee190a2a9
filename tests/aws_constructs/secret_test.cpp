#include "aws_constructs/secret.h"

#include <gtest/gtest.h>

#include "aws_constructs/iam_role.h"
#include "aws_constructs/kms_key.h"
#include "test_stack.h"

using heliocloud::testing::TestStack;
using nlohmann::json;
namespace aws = heliocloud::aws_constructs;

TEST(Secret, ValueIsGeneratedAtDeployNeverWritten) {
  TestStack t;
  t.stack.make<aws::Secret>("Secret", aws::SecretProps{.description = "hub token",
                                                       .exclude_punctuation = true,
                                                       .secret_string_template = R"({"user":"hub"})",
                                                       .generate_string_key = "password"});
  const auto tpl = t.synth();
  const auto& secret = tpl.only("AWS::SecretsManager::Secret");
  EXPECT_FALSE(secret["Properties"].contains("SecretString"));
  EXPECT_EQ(secret["Properties"]["GenerateSecretString"],
            json({{"ExcludePunctuation", true},
                  {"GenerateStringKey", "password"},
                  {"PasswordLength", 32},
                  {"SecretStringTemplate", R"({"user":"hub"})"}}));
  EXPECT_EQ(secret["DeletionPolicy"], "Delete");
}

// A token of hex digits: no upper case, no letter after f.
TEST(Secret, CharacterClassesCanBeLeftOut) {
  TestStack t;
  t.stack.make<aws::Secret>("Token", aws::SecretProps{.password_length = 64,
                                                      .exclude_punctuation = true,
                                                      .exclude_uppercase = true,
                                                      .exclude_characters = "ghijklmnopqrstuvwxyz"});
  EXPECT_EQ(t.synth().only("AWS::SecretsManager::Secret")["Properties"]["GenerateSecretString"],
            json({{"ExcludeCharacters", "ghijklmnopqrstuvwxyz"},
                  {"ExcludePunctuation", true},
                  {"ExcludeUppercase", true},
                  {"PasswordLength", 64}}));
}

TEST(Secret, TemplateAndKeyGoTogether) {
  TestStack t;
  EXPECT_THROW(t.stack.make<aws::Secret>("Secret", aws::SecretProps{.generate_string_key = "password"}),
               std::invalid_argument);
}

TEST(Secret, ReadersGetTheSecretAndItsKey) {
  TestStack t;
  auto& key = t.stack.make<aws::Key>("Key");
  auto& secret = t.stack.make<aws::Secret>("Secret", aws::SecretProps{.encryption_key = &key});
  auto& role = t.stack.make<aws::Role>("Role", aws::RoleProps{.assumed_by = "lambda.amazonaws.com"});
  secret.grant_read(role);
  t.stack.make<heliocloud::construct::CfnResource>(
      "Uses", "AWS::SSM::Parameter",
      heliocloud::construct::Value::Map{{"Type", heliocloud::construct::Value("String")},
                                        {"Value", secret.secret_value_from_json("password")}});
  const auto tpl = t.synth();
  const auto secret_id = tpl.logical_id_of("AWS::SecretsManager::Secret", json::object());
  const auto key_id = tpl.logical_id_of("AWS::KMS::Key", json::object());
  EXPECT_EQ(tpl.only("AWS::SecretsManager::Secret")["Properties"]["KmsKeyId"],
            json({{"Fn::GetAtt", {key_id, "Arn"}}}));
  const auto& statements = tpl.only("AWS::IAM::Policy")["Properties"]["PolicyDocument"]["Statement"];
  ASSERT_EQ(statements.size(), 2U);
  EXPECT_EQ(statements[0]["Action"],
            json({"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"}));
  EXPECT_EQ(statements[0]["Resource"], json({{"Ref", secret_id}}));
  EXPECT_EQ(statements[1]["Action"], "kms:Decrypt");
  EXPECT_EQ(tpl.only("AWS::SSM::Parameter")["Properties"]["Value"].dump(),
            R"({"Fn::Join":["",["{{resolve:secretsmanager:",{"Ref":")" + secret_id +
                R"("},":SecretString:password::}}"]]})");
}
