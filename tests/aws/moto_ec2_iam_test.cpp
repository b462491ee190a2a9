// EC2, IAM and STS as the User Portal uses them, against moto.
#include <gtest/gtest.h>

#include <algorithm>

#include "aws/ec2.h"
#include "aws/errors.h"
#include "aws/iam.h"
#include "aws/protocols.h"
#include "aws/ssm.h"
#include "aws/sts.h"
#include "moto_support.h"

namespace aws = heliocloud::aws;
using aws::testing::moto_config;
using aws::testing::unique_name;

namespace {

// The current Amazon Linux 2023 image, as the portal finds it: AWS's public SSM parameter.
std::string al2023_image() {
  return aws::SsmClient(moto_config())
      .get_parameter("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")
      .value;
}

aws::Instance launch(const aws::Ec2Client& ec2, const std::string& owner) {
  return ec2.run_instance({.image_id = al2023_image(),
                           .instance_type = "t3.micro",
                           .tags = {{.key = "Owner", .value = owner},
                                    {.key = "Name", .value = owner + "-box"},
                                    {.key = "Dashboard", .value = "heliocloud"}}});
}

std::vector<std::string> ids_of(const std::vector<aws::Instance>& instances) {
  std::vector<std::string> out;
  out.reserve(instances.size());
  for (const auto& i : instances) out.push_back(i.instance_id);
  std::ranges::sort(out);
  return out;
}

}  // namespace

TEST(Ec2Moto, InstancesOfOneOwnerByTagFilter) {
  const aws::Ec2Client ec2(moto_config());
  const std::string alice = unique_name("alice");
  const std::string bob = unique_name("bob");
  const auto a1 = launch(ec2, alice);
  const auto a2 = launch(ec2, alice);
  launch(ec2, bob);
  EXPECT_EQ(a1.state, "pending");
  EXPECT_EQ(aws::find_tag(a1.tags, "Owner"), alice);

  const auto mine = ec2.describe_instances({{.name = "tag:Owner", .values = {alice}}});
  std::vector<std::string> expected{a1.instance_id, a2.instance_id};
  std::ranges::sort(expected);
  EXPECT_EQ(ids_of(mine), expected);
  for (const auto& i : mine) {
    EXPECT_EQ(i.instance_type, "t3.micro");
    EXPECT_EQ(aws::find_tag(i.tags, "Dashboard"), "heliocloud");
    EXPECT_FALSE(i.launch_time.empty());
  }
  EXPECT_TRUE(ec2.describe_instances({{"tag:Owner", {unique_name("nobody")}}}).empty());
  EXPECT_EQ(ec2.describe_instances({}, {a1.instance_id}).size(), 1U);
}

TEST(Ec2Moto, StopStartTerminate) {
  const aws::Ec2Client ec2(moto_config());
  const auto i = launch(ec2, unique_name("carol"));
  auto changes = ec2.stop_instances({i.instance_id});
  ASSERT_EQ(changes.size(), 1U);
  EXPECT_EQ(changes[0].instance_id, i.instance_id);
  EXPECT_EQ(ec2.describe_instances({}, {i.instance_id}).at(0).state, "stopped");
  changes = ec2.start_instances({i.instance_id});
  EXPECT_EQ(changes.at(0).previous_state, "stopped");
  changes = ec2.terminate_instances({i.instance_id});
  EXPECT_EQ(changes.at(0).current_state, "shutting-down");
  EXPECT_EQ(ec2.describe_instances({}, {i.instance_id}).at(0).state, "terminated");
  EXPECT_THROW(ec2.stop_instances({}), std::invalid_argument);
}

TEST(Ec2Moto, CreateTagsAndTheImagesRootVolume) {
  const aws::Ec2Client ec2(moto_config());
  const auto i = launch(ec2, unique_name("dave"));
  ec2.create_tags({i.instance_id}, {{.key = "Name", .value = "renamed"}});
  EXPECT_EQ(aws::find_tag(ec2.describe_instances({}, {i.instance_id}).at(0).tags, "Name"), "renamed");

  const auto images = ec2.describe_images({al2023_image()});
  ASSERT_EQ(images.size(), 1U);
  EXPECT_EQ(images[0].image_id, al2023_image());
  EXPECT_FALSE(images[0].root_device_name.empty());
  EXPECT_EQ(images[0].architecture, "x86_64");
}

TEST(Ec2Moto, RunInstanceWithVolumeSizeNeedsTheRootDevice) {
  const aws::Ec2Client ec2(moto_config());
  EXPECT_THROW(
      ec2.run_instance({.image_id = al2023_image(), .instance_type = "t3.micro", .root_volume_size_gb = 20}),
      std::invalid_argument);
  const auto image = ec2.describe_images({al2023_image()}).at(0);
  const auto i = ec2.run_instance({.image_id = image.image_id,
                                   .instance_type = "t3.micro",
                                   .root_device_name = image.root_device_name,
                                   .root_volume_size_gb = 30});
  EXPECT_EQ(i.state, "pending");
}

TEST(Ec2Moto, KeyPairsCreateOnceDescribeDelete) {
  const aws::Ec2Client ec2(moto_config());
  const std::string owner = unique_name("erin");
  const std::string name = owner + "-key";
  const auto created = ec2.create_key_pair(name, "ed25519", {{.key = "Owner", .value = owner}});
  EXPECT_NE(created.key_material.find("PRIVATE KEY"), std::string::npos);
  EXPECT_EQ(created.key_pair.key_name, name);
  const auto rsa = ec2.create_key_pair(name + "-rsa", "rsa", {{.key = "Owner", .value = owner}});
  EXPECT_NE(rsa.key_material.find("PRIVATE KEY"), std::string::npos);

  const auto listed = ec2.describe_key_pairs({{.name = "tag:Owner", .values = {owner}}});
  ASSERT_EQ(listed.size(), 2U);
  for (const auto& k : listed) {
    EXPECT_FALSE(k.key_fingerprint.empty());
    EXPECT_EQ(aws::find_tag(k.tags, "Owner"), owner);
  }
  // A second key of the same name is refused, not overwritten.
  EXPECT_THROW(ec2.create_key_pair(name, "ed25519", {}), aws::AwsError);
  ec2.delete_key_pair(name);
  EXPECT_EQ(ec2.describe_key_pairs({{"tag:Owner", {owner}}}).size(), 1U);
  EXPECT_THROW(ec2.create_key_pair("x", "dsa", {}), std::invalid_argument);
}

TEST(Ec2Moto, InstanceTypes) {
  const aws::Ec2Client ec2(moto_config());
  const auto types = ec2.describe_instance_types({"t3.micro", "m5.large"});
  ASSERT_EQ(types.size(), 2U);
  const auto& micro = types[0].instance_type == "t3.micro" ? types[0] : types[1];
  EXPECT_EQ(micro.vcpus, 2);
  EXPECT_EQ(micro.memory_mib, 1024);
  EXPECT_NE(std::ranges::find(micro.architectures, "x86_64"), micro.architectures.end());
}

TEST(IamMoto, AccessKeysOfAUser) {
  const aws::IamClient iam(moto_config());
  const std::string user = unique_name("frank");
  aws::query_call(iam.service(), "CreateUser", "2010-05-08", {{"UserName", user}}, false);
  EXPECT_EQ(iam.get_user(user).user_name, user);
  EXPECT_THROW(iam.get_user(unique_name("ghost")), aws::NotFoundError);

  const auto key = iam.create_access_key(user);
  EXPECT_EQ(key.metadata.status, "Active");
  EXPECT_FALSE(key.secret_access_key.empty());
  auto keys = iam.list_access_keys(user);
  ASSERT_EQ(keys.size(), 1U);
  EXPECT_EQ(keys[0].access_key_id, key.metadata.access_key_id);
  iam.update_access_key(user, key.metadata.access_key_id, "Inactive");
  EXPECT_EQ(iam.list_access_keys(user).at(0).status, "Inactive");
  EXPECT_THROW(iam.update_access_key(user, key.metadata.access_key_id, "Off"), std::invalid_argument);
  iam.delete_access_key(user, key.metadata.access_key_id);
  EXPECT_TRUE(iam.list_access_keys(user).empty());
}

TEST(IamMoto, MfaDevicesAndAnMfaSessionToken) {
  const aws::IamClient iam(moto_config());
  const std::string user = unique_name("gina");
  aws::query_call(iam.service(), "CreateUser", "2010-05-08", {{"UserName", user}}, false);
  EXPECT_TRUE(iam.list_mfa_devices(user).empty());
  const auto device = aws::query_call(iam.service(), "CreateVirtualMFADevice", "2010-05-08",
                                      {{"VirtualMFADeviceName", user}}, false);
  const std::string serial = device.find("CreateVirtualMFADeviceResult/VirtualMFADevice/SerialNumber")->text;
  aws::query_call(iam.service(), "EnableMFADevice", "2010-05-08",
                  {{"UserName", user},
                   {"SerialNumber", serial},
                   {"AuthenticationCode1", "123456"},
                   {"AuthenticationCode2", "654321"}},
                  false);
  const auto devices = iam.list_mfa_devices(user);
  ASSERT_EQ(devices.size(), 1U);
  EXPECT_EQ(devices[0].serial_number, serial);

  // moto accepts any code (it checks no MFA); the request shape is what this proves.
  const auto creds = aws::StsClient(moto_config())
                         .get_session_token({.mfa_serial_number = serial, .mfa_token_code = "123456"});
  EXPECT_FALSE(creds.access_key_id.empty());
  EXPECT_FALSE(creds.session_token.empty());
  EXPECT_THROW(aws::StsClient(moto_config()).get_session_token({.mfa_serial_number = serial}),
               std::invalid_argument);
}

TEST(IamEndpoint, GlobalPerPartition) {
  EXPECT_EQ(aws::iam_endpoint_for("eu-west-1").url, "https://iam.amazonaws.com");
  EXPECT_EQ(aws::iam_endpoint_for("eu-west-1").signing_region, "us-east-1");
  EXPECT_EQ(aws::iam_endpoint_for("cn-northwest-1").signing_region, "cn-north-1");
  EXPECT_EQ(aws::iam_endpoint_for("us-gov-east-1").url, "https://iam.us-gov.amazonaws.com");
}
