#include <gtest/gtest.h>

#include <set>

#include "stack_test_support.h"

using nlohmann::json;

namespace {

heliocloud::config::InstanceConfig env_specific(const std::string& name) {
  auto config = instance(name);
  config.env.account = "123456789012";
  config.env.region = "us-east-1";
  return config;
}

}  // namespace

TEST(BaseStack, ArtifactIdIsTheOriginals) {
  const auto s = synth(instance("heliocloud"));
  const auto& base = s.stack_construct("heliocloud/Base");
  EXPECT_EQ(base.artifact_id(), "heliocloudBase8F34CA3B");
  EXPECT_EQ(base.stack_tags(), (std::map<std::string, std::string>{{"Application ID", "heliocloud"},
                                                                   {"Product", "heliocloud-base"}}));
}

TEST(BaseStack, NewVpcAsTheOriginal) {
  const auto s = synth(instance("newvpc"));
  const auto& base = s.base();
  // The original's test: 1 VPC, 1 NAT gateway, 4 subnets.
  EXPECT_EQ(base.count("AWS::EC2::VPC"), 1U);
  EXPECT_EQ(base.count("AWS::EC2::NatGateway"), 1U);
  EXPECT_EQ(base.count("AWS::EC2::Subnet"), 4U);
  EXPECT_EQ(base.count("AWS::EC2::EIP"), 1U);
  EXPECT_EQ(base.count("AWS::EC2::InternetGateway"), 1U);
  EXPECT_EQ(base.count("AWS::EC2::RouteTable"), 4U);
  EXPECT_EQ(base.count("AWS::EC2::Route"), 4U);
  EXPECT_EQ(base.only("AWS::EC2::VPC")["Properties"]["CidrBlock"], "10.0.0.0/16");
  std::set<std::string> cidrs;
  for (const auto& [id, r] : base.find_resources("AWS::EC2::Subnet"))
    cidrs.insert(r["Properties"]["CidrBlock"].get<std::string>());
  EXPECT_EQ(cidrs, (std::set<std::string>{"10.0.0.0/18", "10.0.64.0/18", "10.0.128.0/18", "10.0.192.0/18"}));
  EXPECT_EQ(
      base.only("AWS::EC2::VPC")["Properties"]["Tags"],
      json::parse(
          R"([{"Key":"Application ID","Value":"newvpc"},{"Key":"Name","Value":"newvpc/Base/HelioCloudVPC"},{"Key":"Product","Value":"heliocloud-base"}])"));
}

TEST(BaseStack, SharedBucketIsRetainedEncryptedPrivateAndTlsOnly) {
  const auto s = synth(instance("bucket"));
  const auto& bucket = s.base().only("AWS::S3::Bucket");
  EXPECT_EQ(bucket["DeletionPolicy"], "Retain");
  EXPECT_EQ(bucket["Properties"]["PublicAccessBlockConfiguration"]["BlockPublicPolicy"], true);
  EXPECT_EQ(bucket["Properties"]["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]
                  ["ServerSideEncryptionByDefault"]["SSEAlgorithm"],
            "AES256");
  EXPECT_FALSE(bucket["Properties"].contains("BucketName"));  // generated
  const auto& st = s.base().only("AWS::S3::BucketPolicy")["Properties"]["PolicyDocument"]["Statement"][0];
  EXPECT_EQ(st["Effect"], "Deny");
  EXPECT_EQ(st["Condition"]["Bool"]["aws:SecureTransport"], "false");
}

TEST(BaseStack, DestroyOnRemovalDeletesTheSharedBucket) {
  auto config = instance("destroy");
  config.user_shared_bucket.destroy_on_removal = true;
  EXPECT_EQ(synth(config).base().only("AWS::S3::Bucket")["DeletionPolicy"], "Delete");
}

TEST(BaseStack, ManagedPolicyCoversSharedAndDatasetBuckets) {
  auto config = instance("policy");
  config.registry.dataset_bucket_names = {"helio-one"};
  const auto s = synth(config);
  const auto doc = s.base().only("AWS::IAM::ManagedPolicy")["Properties"]["PolicyDocument"];
  ASSERT_EQ(doc["Statement"].size(), 3U);
  EXPECT_EQ(doc["Statement"][1]["Action"], "s3:ListAllMyBuckets");
  const std::string reads = doc["Statement"][2]["Resource"].dump();
  for (const char* b : {"helio-one", "helio-public", "gov-nasa-hdrl-data1"})
    EXPECT_NE(reads.find(b), std::string::npos) << b;
  EXPECT_EQ(doc["Statement"][0]["Action"].size(), 10U);
}

TEST(BaseStack, DefaultVpcIsLookedUpNotCreated) {
  auto config = env_specific("lookup");
  config.vpc.type = heliocloud::config::VpcType::Default;
  const auto first = synth(config);
  EXPECT_EQ(first.base().count("AWS::EC2::VPC"), 0U);
  const auto& missing = first.app->missing_context();
  ASSERT_EQ(missing.size(), 1U);
  EXPECT_EQ(missing.begin()->second.provider, "vpc-provider");
  const std::string key = missing.begin()->first;
  EXPECT_EQ(key,
            "vpc-provider:account=123456789012:filter.isDefault=true:region=us-east-1:"
            "returnAsymmetricSubnets=true");

  json found = {{"vpcId", "vpc-0abc"},
                {"subnetGroups",
                 {{{"name", "Public"},
                   {"type", "Public"},
                   {"subnets", {{{"subnetId", "subnet-1"}, {"availabilityZone", "us-east-1a"}}}}}}}};
  const auto second = synth(config, {{key, found}});
  EXPECT_TRUE(second.app->missing_context().empty());
  EXPECT_EQ(second.base().outputs()["VpcId"]["Value"], "vpc-0abc");
}

TEST(BaseStack, EnvSpecificNewVpcLooksUpAvailabilityZones) {
  const auto s = synth(env_specific("azs"));
  const auto& missing = s.app->missing_context();
  ASSERT_EQ(missing.size(), 1U);
  EXPECT_EQ(missing.begin()->second.provider, "availability-zones");
  EXPECT_EQ(s.stack_construct("azs/Base").environment_uri(), "aws://123456789012/us-east-1");
  // Until the CLI has looked them up, the subnets sit in aws-cdk-lib's dummy zones.
  EXPECT_NE(s.base().json().dump().find("dummy1a"), std::string::npos);
}
