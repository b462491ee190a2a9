#include "aws_constructs/efs_file_system.h"

#include <gtest/gtest.h>

#include "test_stack.h"

using heliocloud::testing::TestStack;
using nlohmann::json;
namespace aws = heliocloud::aws_constructs;

TEST(FileSystem, EncryptedBackedUpRetainedWithAMountTargetPerSubnet) {
  TestStack t;
  t.stack.make<aws::FileSystem>("Home", aws::FileSystemProps{.vpc = &t.vpc()});
  const auto tpl = t.synth();
  const auto& fs = tpl.only("AWS::EFS::FileSystem");
  EXPECT_EQ(fs["Properties"]["Encrypted"], true);
  EXPECT_EQ(fs["Properties"]["BackupPolicy"], json({{"Status", "ENABLED"}}));
  EXPECT_EQ(fs["DeletionPolicy"], "Retain");
  const auto fs_id = tpl.logical_id_of("AWS::EFS::FileSystem", json::object());
  const auto sg_id = tpl.logical_id_of("AWS::EC2::SecurityGroup", json::object());
  const auto targets = tpl.find_resources("AWS::EFS::MountTarget");
  ASSERT_EQ(targets.size(), 2U);  // the VPC's two private subnets
  for (const auto& [id, target] : targets) {
    EXPECT_EQ(target["Properties"]["FileSystemId"], json({{"Ref", fs_id}}));
    EXPECT_EQ(target["Properties"]["SecurityGroups"], json({{{"Fn::GetAtt", {sg_id, "GroupId"}}}}));
  }
}

TEST(FileSystem, NfsOnlyFromAllowedGroupsInGivenSubnets) {
  TestStack t;
  auto& fs = t.stack.make<aws::FileSystem>(
      "Home", aws::FileSystemProps{.vpc = &t.vpc(), .subnets = {t.vpc().private_subnets().front()}});
  auto& hub = t.stack.make<aws::SecurityGroup>("Hub", aws::SecurityGroupProps{.vpc = &t.vpc()});
  fs.allow_access_from(hub);
  const auto tpl = t.synth();
  EXPECT_EQ(tpl.count("AWS::EFS::MountTarget"), 1U);
  EXPECT_TRUE(tpl.has_resource_properties("AWS::EC2::SecurityGroupIngress",
                                          {{"IpProtocol", "tcp"}, {"FromPort", 2049}, {"ToPort", 2049}}));
}

// For clients in another VPC (the Daskhub's EKS cluster): the file system alone, no VPC needed.
TEST(FileSystem, WithoutMountTargetsHasNoSecurityGroup) {
  TestStack t;
  auto& fs = t.stack.make<aws::FileSystem>("Shared", aws::FileSystemProps{.mount_targets = false});
  const auto tpl = t.synth();
  EXPECT_EQ(tpl.count("AWS::EFS::FileSystem"), 1U);
  EXPECT_EQ(tpl.count("AWS::EFS::MountTarget"), 0U);
  EXPECT_EQ(tpl.count("AWS::EC2::SecurityGroup"), 0U);
  EXPECT_THROW(fs.security_group(), std::logic_error);
  EXPECT_THROW(t.stack.make<aws::FileSystem>("NoVpc", aws::FileSystemProps{}), std::invalid_argument);
}
