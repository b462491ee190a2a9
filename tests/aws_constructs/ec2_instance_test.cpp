#include "aws_constructs/ec2_instance.h"

#include <gtest/gtest.h>

#include "test_stack.h"

using heliocloud::testing::TestStack;
using nlohmann::json;
namespace aws = heliocloud::aws_constructs;

namespace {

aws::Instance& admin_host(TestStack& t) {
  return t.stack.make<aws::Instance>(
      "Admin",
      aws::InstanceProps{
          .vpc = &t.vpc(),
          .init_files = {{.path = "/etc/helio/hub.conf", .content = "port=8000\n", .mode = "000600"}},
          .init_commands = {{.name = "enable", .command = "systemctl enable hub"},
                            {.name = "start", .command = "systemctl start hub"}}});
}

}  // namespace

TEST(Instance, RoleProfileImdsV2AndEncryptedRoot) {
  TestStack t;
  admin_host(t);
  const auto tpl = t.synth();
  const auto profile_id = tpl.logical_id_of("AWS::IAM::InstanceProfile", json::object());
  const auto template_id = tpl.logical_id_of("AWS::EC2::LaunchTemplate", json::object());
  const auto role_id = tpl.logical_id_of("AWS::IAM::Role", json::object());
  EXPECT_EQ(tpl.resources()[profile_id]["Properties"]["Roles"], json({{{"Ref", role_id}}}));
  EXPECT_EQ(tpl.resources()[role_id]["Properties"]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"],
            json({{"Service", "ec2.amazonaws.com"}}));
  EXPECT_EQ(tpl.resources()[template_id]["Properties"]["LaunchTemplateData"]["MetadataOptions"]["HttpTokens"],
            "required");
  const auto& p = tpl.only("AWS::EC2::Instance")["Properties"];
  EXPECT_EQ(p["IamInstanceProfile"], json({{"Ref", profile_id}}));
  EXPECT_EQ(p["LaunchTemplate"], json({{"LaunchTemplateId", {{"Ref", template_id}}},
                                       {"Version", {{"Fn::GetAtt", {template_id, "LatestVersionNumber"}}}}}));
  EXPECT_EQ(p["BlockDeviceMappings"][0]["Ebs"]["Encrypted"], true);
  EXPECT_EQ(p["BlockDeviceMappings"][0]["Ebs"]["VolumeType"], "gp3");
  EXPECT_EQ(p["InstanceType"], "t3.micro");
  // The AMI comes from the public SSM parameter of the latest Amazon Linux 2023.
  const std::string image_param = p["ImageId"]["Ref"];
  EXPECT_EQ(tpl.json()["Parameters"][image_param]["Default"],
            "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");
}

TEST(Instance, CfnInitFilesCommandsUserDataAndSignal) {
  TestStack t;
  admin_host(t);
  const auto tpl = t.synth();
  const auto id = tpl.logical_id_of("AWS::EC2::Instance", json::object());
  const auto& instance = tpl.resources()[id];
  const auto& init = instance["Metadata"]["AWS::CloudFormation::Init"];
  EXPECT_EQ(init["configSets"], json({{"default", {"config"}}}));
  EXPECT_EQ(init["config"]["files"]["/etc/helio/hub.conf"],
            json({{"content", "port=8000\n"}, {"group", "root"}, {"mode", "000600"}, {"owner", "root"}}));
  EXPECT_EQ(init["config"]["commands"], json({{"010_enable", {{"command", "systemctl enable hub"}}},
                                              {"020_start", {{"command", "systemctl start hub"}}}}));
  const std::string script = instance["Properties"]["UserData"]["Fn::Base64"]["Fn::Sub"];
  EXPECT_NE(script.find("cfn-init -v --region ${AWS::Region} --stack ${AWS::StackName} --resource " + id +
                        " -c default"),
            std::string::npos)
      << script;
  EXPECT_NE(
      script.find("cfn-signal -e $? --region ${AWS::Region} --stack ${AWS::StackName} --resource " + id),
      std::string::npos)
      << script;
  EXPECT_EQ(instance["CreationPolicy"], json({{"ResourceSignal", {{"Count", 1}, {"Timeout", "PT15M"}}}}));
  // The role may read this stack's metadata and signal, nothing more.
  const auto& statements = tpl.only("AWS::IAM::Policy")["Properties"]["PolicyDocument"]["Statement"];
  ASSERT_EQ(statements.size(), 1U);
  EXPECT_EQ(statements[0]["Action"],
            json({"cloudformation:DescribeStackResource", "cloudformation:SignalResource"}));
  EXPECT_EQ(statements[0]["Resource"], json({{"Ref", "AWS::StackId"}}));
}

// The role can be the caller's (kept under its own construct id), and commands can run before the files.
TEST(Instance, GivenRoleAndPrepareCommandsBeforeTheFiles) {
  TestStack t;
  auto& role = t.stack.make<aws::Role>("AdminRole", aws::RoleProps{.assumed_by = "ec2.amazonaws.com"});
  t.stack.make<aws::Instance>(
      "Admin", aws::InstanceProps{.vpc = &t.vpc(),
                                  .role = &role,
                                  .init_prepare_commands = {{.name = "user", .command = "useradd hub"}},
                                  .init_files = {{.path = "/home/hub/x", .content = "x", .owner = "hub"}}});
  const auto tpl = t.synth();
  EXPECT_EQ(tpl.count("AWS::IAM::Role"), 1U);
  const auto role_id = tpl.logical_id_of("AWS::IAM::Role", json::object());
  EXPECT_EQ(role_id.rfind("AdminRole", 0), 0U);
  EXPECT_EQ(tpl.only("AWS::IAM::InstanceProfile")["Properties"]["Roles"], json({{{"Ref", role_id}}}));
  const auto& init = tpl.only("AWS::EC2::Instance")["Metadata"]["AWS::CloudFormation::Init"];
  EXPECT_EQ(init["configSets"], json({{"default", {"prepare", "config"}}}));
  EXPECT_EQ(init["prepare"], json({{"commands", {{"010_user", {{"command", "useradd hub"}}}}}}));
  EXPECT_TRUE(init["config"]["files"].contains("/home/hub/x"));
}

// cfn-hup, run by a systemd timer, re-runs cfn-init when an update changes the metadata; without the option
// there is no trace of it.
TEST(Instance, MetadataUpdatesThroughCfnHup) {
  TestStack t;
  t.stack.make<aws::Instance>("Admin",
                              aws::InstanceProps{.vpc = &t.vpc(),
                                                 .init_commands = {{.name = "hello", .command = "echo hi"}},
                                                 .apply_metadata_updates = true});
  const auto tpl = t.synth();
  const auto id = tpl.logical_id_of("AWS::EC2::Instance", json::object());
  const auto& config = tpl.resources()[id]["Metadata"]["AWS::CloudFormation::Init"]["config"];
  const std::string hook = config["files"]["/etc/cfn/hooks.d/cfn-auto-reloader.conf"]["content"]["Fn::Sub"];
  EXPECT_NE(hook.find("path=Resources." + id + ".Metadata.AWS::CloudFormation::Init"), std::string::npos);
  EXPECT_NE(hook.find("action=/opt/aws/bin/cfn-init -v --region ${AWS::Region} --stack ${AWS::StackName} "
                      "--resource " +
                      id + " -c default"),
            std::string::npos)
      << hook;
  for (const char* f : {"/etc/cfn/cfn-hup.conf", "/etc/systemd/system/cfn-hup.service",
                        "/etc/systemd/system/cfn-hup.timer"}) {
    ASSERT_TRUE(config["files"].contains(f)) << f;
    EXPECT_EQ(config["files"][f]["mode"], "000400") << f;
    EXPECT_EQ(config["files"][f]["owner"], "root") << f;
  }
  // The caller's commands first, then the timer.
  EXPECT_EQ(config["commands"],
            json({{"010_hello", {{"command", "echo hi"}}},
                  {"020_enable-cfn-hup",
                   {{"command", "systemctl daemon-reload && systemctl enable --now cfn-hup.timer"}}}}));

  TestStack plain;
  admin_host(plain);
  EXPECT_EQ(plain.synth().json().dump().find("cfn-hup"), std::string::npos);
}
