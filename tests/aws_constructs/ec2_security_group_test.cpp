#include "aws_constructs/ec2_security_group.h"

#include <gtest/gtest.h>

#include "test_stack.h"

using heliocloud::testing::TestStack;
using nlohmann::json;
namespace aws = heliocloud::aws_constructs;

TEST(SecurityGroup, AllOutboundNoInboundByDefault) {
  TestStack t;
  t.stack.make<aws::SecurityGroup>("Group", aws::SecurityGroupProps{.vpc = &t.vpc(), .description = "web"});
  const auto tpl = t.synth();
  const auto& group = tpl.only("AWS::EC2::SecurityGroup")["Properties"];
  EXPECT_EQ(group["GroupDescription"], "web");
  EXPECT_FALSE(group.contains("SecurityGroupIngress"));
  EXPECT_EQ(
      group["SecurityGroupEgress"],
      json::parse(
          R"([{"CidrIp":"0.0.0.0/0","Description":"Allow all outbound traffic by default","IpProtocol":"-1"}])"));
}

TEST(SecurityGroup, ClosedOutboundKeepsAPlaceholderUntilARuleIsAdded) {
  TestStack t;
  auto& group = t.stack.make<aws::SecurityGroup>(
      "Group", aws::SecurityGroupProps{.vpc = &t.vpc(), .allow_all_outbound = false});
  EXPECT_EQ(t.synth().only("AWS::EC2::SecurityGroup")["Properties"]["SecurityGroupEgress"][0]["CidrIp"],
            "255.255.255.255/32");
  group.add_egress_rule("10.0.0.0/16", aws::Port::tcp(443), "to the VPC");
  group.add_ingress_rule("0.0.0.0/0", aws::Port::tcp(80));
  const auto tpl = t.synth();
  const auto& p = tpl.only("AWS::EC2::SecurityGroup")["Properties"];
  EXPECT_EQ(
      p["SecurityGroupEgress"],
      json::parse(
          R"([{"CidrIp":"10.0.0.0/16","Description":"to the VPC","FromPort":443,"IpProtocol":"tcp","ToPort":443}])"));
  EXPECT_EQ(p["SecurityGroupIngress"][0]["Description"], "from 0.0.0.0/0:tcp 80");
}

TEST(SecurityGroup, ConnectionsBetweenGroupsAreSeparateRules) {
  TestStack t;
  auto& web = t.stack.make<aws::SecurityGroup>("Web", aws::SecurityGroupProps{.vpc = &t.vpc()});
  auto& db = t.stack.make<aws::SecurityGroup>(
      "Db", aws::SecurityGroupProps{.vpc = &t.vpc(), .allow_all_outbound = false});
  db.allow_from(web, aws::Port::tcp(5432));
  web.allow_to(db, aws::Port::tcp(5432));  // the same rule: not added twice
  db.allow_to(web, aws::Port::tcp(8080));
  const auto tpl = t.synth();
  const auto web_id = tpl.logical_id_of("AWS::EC2::SecurityGroup", {{"GroupDescription", "Test/Web"}});
  const auto db_id = tpl.logical_id_of("AWS::EC2::SecurityGroup", {{"GroupDescription", "Test/Db"}});
  EXPECT_EQ(tpl.count("AWS::EC2::SecurityGroupIngress"), 2U);
  EXPECT_TRUE(tpl.has_resource_properties(
      "AWS::EC2::SecurityGroupIngress", {{"FromPort", 5432},
                                         {"GroupId", {{"Fn::GetAtt", {db_id, "GroupId"}}}},
                                         {"SourceSecurityGroupId", {{"Fn::GetAtt", {web_id, "GroupId"}}}}}));
  // Db restricts its outbound traffic, so reaching Web takes an egress rule on Db too; Web needs none.
  EXPECT_EQ(tpl.count("AWS::EC2::SecurityGroupEgress"), 1U);
  EXPECT_TRUE(
      tpl.has_resource_properties("AWS::EC2::SecurityGroupEgress",
                                  {{"FromPort", 8080},
                                   {"GroupId", {{"Fn::GetAtt", {db_id, "GroupId"}}}},
                                   {"DestinationSecurityGroupId", {{"Fn::GetAtt", {web_id, "GroupId"}}}}}));
}
