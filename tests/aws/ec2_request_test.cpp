// What RunInstances and CreateKeyPair send (moto ignores some of it, so the request itself is checked):
// IMDSv2, an encrypted gp3 root volume deleted with the instance, tags on the instance and its volume, and
// no retry of calls that would duplicate a machine or lose a private key.
#include <gtest/gtest.h>

#include "aws/ec2.h"
#include "aws/errors.h"
#include "aws/protocols.h"
#include "base/percent_encoding.h"
#include "fake_http_server.h"
#include "scripted_server_config.h"

namespace aws = heliocloud::aws;
using heliocloud::testing::CannedResponse;
using heliocloud::testing::FakeHttpServer;
using heliocloud::testing::RecordedRequest;

namespace {

aws::ClientConfig ec2_config(const FakeHttpServer& server) {
  return aws::testing::scripted_server_config(server);
}

const char* const kRunAnswer =
    "<RunInstancesResponse><instancesSet><item><instanceId>i-0abc</instanceId><instanceState><name>pending"
    "</name></instanceState><tagSet><item><key>Owner</key><value>alice</value></item></tagSet></item>"
    "</instancesSet></RunInstancesResponse>";

bool has_param(const std::string& body, const std::string& name, const std::string& value) {
  return ("&" + body + "&").find("&" + name + "=" + heliocloud::base::percent_encode(value) + "&") !=
         std::string::npos;
}

}  // namespace

TEST(Ec2Requests, RunInstanceAsksForImdsV2AnEncryptedVolumeAndTagsEverything) {
  FakeHttpServer server([](const RecordedRequest&) { return CannedResponse(200, {}, kRunAnswer); });
  const aws::Ec2Client ec2(ec2_config(server));
  const auto i =
      ec2.run_instance({.image_id = "ami-1",
                        .instance_type = "t3.small",
                        .key_name = "alice-key",
                        .subnet_id = "subnet-1",
                        .security_group_ids = {"sg-1", "sg-2"},
                        .instance_profile_arn = "arn:aws:iam::123456789012:instance-profile/p",
                        .root_device_name = "/dev/xvda",
                        .root_volume_size_gb = 40,
                        .tags = {{.key = "Owner", .value = "alice"}, {.key = "Name", .value = "box"}}});
  EXPECT_EQ(i.instance_id, "i-0abc");
  EXPECT_EQ(aws::find_tag(i.tags, "Owner"), "alice");
  const std::string body = server.requests().at(0).body;
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"Action", "RunInstances"},
           {"ImageId", "ami-1"},
           {"MinCount", "1"},
           {"MaxCount", "1"},
           {"MetadataOptions.HttpTokens", "required"},
           {"KeyName", "alice-key"},
           {"SubnetId", "subnet-1"},
           {"SecurityGroupId.1", "sg-1"},
           {"SecurityGroupId.2", "sg-2"},
           {"IamInstanceProfile.Arn", "arn:aws:iam::123456789012:instance-profile/p"},
           {"BlockDeviceMapping.1.DeviceName", "/dev/xvda"},
           {"BlockDeviceMapping.1.Ebs.VolumeSize", "40"},
           {"BlockDeviceMapping.1.Ebs.VolumeType", "gp3"},
           {"BlockDeviceMapping.1.Ebs.Encrypted", "true"},
           {"BlockDeviceMapping.1.Ebs.DeleteOnTermination", "true"},
           {"TagSpecification.1.ResourceType", "instance"},
           {"TagSpecification.1.Tag.1.Key", "Owner"},
           {"TagSpecification.1.Tag.1.Value", "alice"},
           {"TagSpecification.2.ResourceType", "volume"},
           {"TagSpecification.2.Tag.2.Key", "Name"}})
    EXPECT_TRUE(has_param(body, name, value)) << name << "=" << value << " not in " << body;
}

TEST(Ec2Requests, LaunchAndKeyCreationAreNotRetried) {
  FakeHttpServer server([](const RecordedRequest&) {
    return CannedResponse(503, {},
                          "<Response><Errors><Error><Code>Unavailable</Code><Message>busy</Message>"
                          "</Error></Errors></Response>");
  });
  const aws::Ec2Client ec2(ec2_config(server));
  EXPECT_THROW(ec2.run_instance({.image_id = "ami-1", .instance_type = "t3.small"}), aws::AwsError);
  EXPECT_EQ(server.requests().size(), 1U);
  EXPECT_THROW(ec2.create_key_pair("k", "rsa", {}), aws::AwsError);
  EXPECT_EQ(server.requests().size(), 2U);
  // A read is retried.
  EXPECT_THROW(ec2.describe_key_pairs({}), aws::AwsError);
  EXPECT_EQ(server.requests().size(), 5U);
}

TEST(Ec2Requests, FiltersAndPagesOfDescribeInstances) {
  FakeHttpServer server([](const RecordedRequest& r) {
    const std::string item = "<item><instancesSet><item><instanceId>i-" + std::to_string(r.index) +
                             "</instanceId></item></instancesSet></item>";
    const std::string next = r.index == 0 ? "<nextToken>page2</nextToken>" : "";
    return CannedResponse(200, {},
                          "<DescribeInstancesResponse><reservationSet>" + item + "</reservationSet>" + next +
                              "</DescribeInstancesResponse>");
  });
  const aws::Ec2Client ec2(ec2_config(server));
  const auto found =
      ec2.describe_instances({{.name = "tag:Owner", .values = {"alice"}},
                              {.name = "instance-state-name", .values = {"running", "stopped"}}});
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[1].instance_id, "i-1");
  const auto first = server.requests().at(0).body;
  EXPECT_TRUE(has_param(first, "Filter.1.Name", "tag:Owner"));
  EXPECT_TRUE(has_param(first, "Filter.1.Value.1", "alice"));
  EXPECT_TRUE(has_param(first, "Filter.2.Value.2", "stopped"));
  EXPECT_TRUE(has_param(server.requests().at(1).body, "NextToken", "page2"));
}

TEST(Ec2Requests, AnInstanceWithoutAnIdIsAnError) {
  FakeHttpServer server([](const RecordedRequest&) {
    return CannedResponse(
        200, {},
        "<DescribeInstancesResponse><reservationSet><item><instancesSet><item><imageId>ami"
        "</imageId></item></instancesSet></item></reservationSet></DescribeInstancesResponse>");
  });
  const aws::Ec2Client ec2(ec2_config(server));
  EXPECT_THROW(ec2.describe_instances({}), std::runtime_error);
}
