#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "stack_test_support.h"

using nlohmann::json;

TEST(BaseStack, ArtifactIdIsTheOriginals) {
  const auto s = synth("heliocloud", "vpc: {type: new}\n");
  EXPECT_TRUE(s.manifest["artifacts"].contains("heliocloudBase8F34CA3B"));
  EXPECT_EQ(s.manifest["artifacts"]["heliocloudBase8F34CA3B"]["properties"]["tags"],
            json({{"Application ID", "heliocloud"}, {"Product", "heliocloud-base"}}));
}

TEST(BaseStack, NewVpcAsTheOriginal) {
  const auto s = synth("newvpc", "vpc: {type: new}\n");
  // The original's test: 1 VPC, 1 NAT gateway, 4 subnets.
  EXPECT_EQ(countType(s.base, "AWS::EC2::VPC"), 1U);
  EXPECT_EQ(countType(s.base, "AWS::EC2::NatGateway"), 1U);
  EXPECT_EQ(countType(s.base, "AWS::EC2::Subnet"), 4U);
  EXPECT_EQ(countType(s.base, "AWS::EC2::EIP"), 1U);
  EXPECT_EQ(countType(s.base, "AWS::EC2::InternetGateway"), 1U);
  EXPECT_EQ(countType(s.base, "AWS::EC2::RouteTable"), 4U);
  EXPECT_EQ(countType(s.base, "AWS::EC2::Route"), 4U);
  EXPECT_EQ(firstOfType(s.base, "AWS::EC2::VPC")["Properties"]["CidrBlock"], "10.0.0.0/16");
  std::set<std::string> cidrs;
  for (const auto& [id, r] : s.base["Resources"].items())
    if (r["Type"] == "AWS::EC2::Subnet") cidrs.insert(r["Properties"]["CidrBlock"].get<std::string>());
  EXPECT_EQ(cidrs, (std::set<std::string>{"10.0.0.0/18", "10.0.64.0/18", "10.0.128.0/18", "10.0.192.0/18"}));
  const auto tags = firstOfType(s.base, "AWS::EC2::VPC")["Properties"]["Tags"];
  EXPECT_EQ(
      tags,
      json::parse(
          R"([{"Key":"Application ID","Value":"newvpc"},{"Key":"Name","Value":"newvpc/Base/HelioCloudVPC"},{"Key":"Product","Value":"heliocloud-base"}])"));
}

TEST(BaseStack, SharedBucketIsRetainedEncryptedPrivateAndTlsOnly) {
  const auto s = synth("bucket", "vpc: {type: new}\n");
  const auto& bucket = firstOfType(s.base, "AWS::S3::Bucket");
  EXPECT_EQ(bucket["DeletionPolicy"], "Retain");
  EXPECT_EQ(bucket["Properties"]["PublicAccessBlockConfiguration"]["BlockPublicPolicy"], true);
  EXPECT_EQ(bucket["Properties"]["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]
                  ["ServerSideEncryptionByDefault"]["SSEAlgorithm"],
            "AES256");
  EXPECT_FALSE(bucket["Properties"].contains("BucketName"));  // generated
  const auto& policy = firstOfType(s.base, "AWS::S3::BucketPolicy");
  const auto& st = policy["Properties"]["PolicyDocument"]["Statement"][0];
  EXPECT_EQ(st["Effect"], "Deny");
  EXPECT_EQ(st["Condition"]["Bool"]["aws:SecureTransport"], "false");
}

TEST(BaseStack, DestroyOnRemovalDeletesTheSharedBucket) {
  const auto s = synth("destroy", "userSharedBucket: {destroyOnRemoval: True}\n");
  EXPECT_EQ(firstOfType(s.base, "AWS::S3::Bucket")["DeletionPolicy"], "Delete");
}

TEST(BaseStack, ManagedPolicyCoversSharedAndDatasetBuckets) {
  const auto s = synth("policy", "registry: {datasetBucketNames: [helio-one]}\n");
  const auto doc = firstOfType(s.base, "AWS::IAM::ManagedPolicy")["Properties"]["PolicyDocument"];
  ASSERT_EQ(doc["Statement"].size(), 3U);
  EXPECT_EQ(doc["Statement"][1]["Action"], "s3:ListAllMyBuckets");
  const std::string reads = doc["Statement"][2]["Resource"].dump();
  for (const char* b : {"helio-one", "helio-public", "gov-nasa-hdrl-data1"})
    EXPECT_NE(reads.find(b), std::string::npos) << b;
  EXPECT_EQ(doc["Statement"][0]["Action"].size(), 10U);
}

TEST(BaseStack, DefaultVpcIsLookedUpNotCreated) {
  const std::string yaml = "env: {account: '123456789012', region: us-east-1}\nvpc: {type: default}\n";
  const auto first = synth("lookup", yaml);
  EXPECT_EQ(countType(first.base, "AWS::EC2::VPC"), 0U);
  ASSERT_TRUE(first.manifest.contains("missing"));
  EXPECT_EQ(first.manifest["missing"][0]["provider"], "vpc-provider");
  const std::string key = first.manifest["missing"][0]["key"];
  EXPECT_EQ(key,
            "vpc-provider:account=123456789012:filter.isDefault=true:region=us-east-1:"
            "returnAsymmetricSubnets=true");

  json found = {{"vpcId", "vpc-0abc"},
                {"subnetGroups",
                 {{{"name", "Public"},
                   {"type", "Public"},
                   {"subnets", {{{"subnetId", "subnet-1"}, {"availabilityZone", "us-east-1a"}}}}}}}};
  const auto second = synth("lookup", yaml, {{key, found}});
  EXPECT_FALSE(second.manifest.contains("missing"));
  EXPECT_EQ(second.base["Outputs"]["VpcId"]["Value"], "vpc-0abc");
}

TEST(BaseStack, EnvSpecificNewVpcLooksUpAvailabilityZones) {
  const auto s = synth("azs", "env: {account: '123456789012', region: us-east-1}\n");
  ASSERT_TRUE(s.manifest.contains("missing"));
  EXPECT_EQ(s.manifest["missing"][0]["provider"], "availability-zones");
  bool found = false;
  for (const auto& [id, a] : s.manifest["artifacts"].items())
    if (a.value("displayName", "") == "azs/Base") {
      EXPECT_EQ(a["environment"], "aws://123456789012/us-east-1");
      found = true;
    }
  EXPECT_TRUE(found);
  // Until the CLI has looked them up, the subnets sit in aws-cdk-lib's dummy zones.
  EXPECT_NE(s.base.dump().find("dummy1a"), std::string::npos);
}

TEST(BaseStack, UnbuiltModulesAreWarnedAbout) {
  const auto s =
      synth("warn",
            "enabled: {portal: True}\nportal: {domain_url: example.org, domain_record: portal, "
            "domain_certificate_arn: \"arn:aws:acm:us-east-1:123456789012:certificate/0f2b3c4d\"}\n");
  const std::string meta = s.manifest.dump();
  EXPECT_NE(meta.find("aws:cdk:warning"), std::string::npos);
  EXPECT_NE(meta.find("enabled.portal is true"), std::string::npos);
}
