// `heliocloud daskhub` against moto: the Daskhub stack of our own (CreateStack with an InstanceID output
// naming an EC2 instance moto launched) and SSM Run Command. moto records what the CLI sends but runs
// nothing: every command ends Success with empty output at once. So this checks the AWS side (the stack found
// by the CDK's name, the host from its output, the commands' documents, timeouts, comments and scripts as SSM
// stores them); the scripts themselves run in daskhub_remote_tests, and statuses, exit codes and streamed
// output against a scripted host in daskhub_cli_test.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "aws/cloudformation.h"
#include "aws/protocols.h"
#include "aws/ssm.h"
#include "cli_runner.h"
#include "deployed/instance_stack.h"
#include "moto_ec2.h"
#include "moto_support.h"

namespace heliocloud {
namespace {

using aws::testing::moto_config;
using nlohmann::json;
using registry::test::CliSandbox;
const auto kUnique = aws::testing::unique_name;

std::string daskhub_instance_yaml() {
  return "env:\n  region: us-east-1\nenabled:\n  daskhub: True\ndaskhub:\n  daskhub:\n    contact_email: "
         "ops@example.org\n    domain_url: example.org\n";
}

// The commands moto recorded whose comment is `comment`.
std::vector<json> commands_with_comment(const std::string& comment) {
  const aws::SsmClient ssm(moto_config());
  const auto listed =
      aws::json_rpc_call(ssm.service(), "AmazonSSM", "1.1", "ListCommands", json::object(), true);
  std::vector<json> out;
  for (const auto& c : listed.at("Commands")) {
    if (c.value("Comment", "") == comment) out.push_back(c);
  }
  return out;
}

bool has_line(const json& command, const std::string& text) {
  for (const auto& line : command["Parameters"]["commands"]) {
    if (line.get<std::string>().find(text) != std::string::npos) return true;
  }
  return false;
}

class DeployedDaskhub : public ::testing::Test {
 protected:
  void SetUp() override {
    instance_ = kUnique("dh");
    box_.write("instance/" + instance_ + ".yaml", daskhub_instance_yaml());
    host_ = aws::testing::run_moto_instance();
    ASSERT_TRUE(host_.starts_with("i-")) << host_;
    stack_ = deployed::stack_name(instance_, "Daskhub");
    const std::string tmpl = R"({
      "Parameters": {"Host": {"Type": "String"}, "Bucket": {"Type": "String"}},
      "Resources": {"Marker": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Ref": "Bucket"}}}},
      "Outputs": {"InstanceID": {"Value": {"Ref": "Host"}}}})";
    (void)aws::CloudFormationClient(moto_config())
        .create_stack(stack_, tmpl, {{"Host", host_}, {"Bucket", kUnique("dh-marker")}});
  }

  [[nodiscard]] registry::test::CliRun heliocloud(const std::string& args) const {
    return box_.run(args + " --instance-dir " + box_.instance_dir());
  }

  CliSandbox box_;
  std::string instance_, host_, stack_;
};

TEST_F(DeployedDaskhub, StatusRunsTheReportOnTheStacksHost) {
  const auto r = heliocloud("daskhub " + instance_ + " status --lines 5");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("Daskhub admin host " + host_ + " (stack " + stack_ + ", us-east-1)\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("[status] done in "), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");  // moto runs nothing
  const auto sent = commands_with_comment("heliocloud daskhub " + instance_ + ": status");
  ASSERT_EQ(sent.size(), 1U);
  EXPECT_EQ(sent[0]["DocumentName"], "AWS-RunShellScript");
  EXPECT_NE(std::find(sent[0]["InstanceIds"].begin(), sent[0]["InstanceIds"].end(), host_),
            sent[0]["InstanceIds"].end());
  EXPECT_TRUE(has_line(sent[0], "kit='/home/ssm-user/daskhub'"));
  EXPECT_TRUE(has_line(sent[0], "owner='ssm-user'"));
  EXPECT_TRUE(has_line(sent[0], " status \"$kit\" 5"));
}

TEST_F(DeployedDaskhub, OneStepIsSentWithItsLimitAndLogAndItsLogIsRead) {
  const auto r = heliocloud("daskhub " + instance_ + " deploy --step 3");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("== deploy step 1/1: 03-deploy-daskhub: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[03-deploy-daskhub] done in "), std::string::npos) << r.err;
  const auto steps = commands_with_comment("heliocloud daskhub " + instance_ + ": 03-deploy-daskhub");
  ASSERT_EQ(steps.size(), 1U);
  const auto& step = steps[0];
  EXPECT_EQ(step["Parameters"]["executionTimeout"], json::array({"2700"}));
  EXPECT_EQ(step["TimeoutSeconds"], 120);
  EXPECT_TRUE(has_line(step, "script='03-deploy-daskhub.sh'"));
  EXPECT_TRUE(has_line(step, "log='/home/ssm-user/daskhub/.kit/logs/03-deploy-daskhub-"));
  EXPECT_TRUE(has_line(step, "runuser -u \"$owner\" -- bash -lc "));
  // moto's empty answer is not a log read: the runner tried, then took SSM's (empty) copy.
  const auto reads = commands_with_comment("heliocloud daskhub " + instance_ + ": 03-deploy-daskhub log");
  ASSERT_FALSE(reads.empty());
  EXPECT_TRUE(has_line(reads[0], "f='/home/ssm-user/daskhub/.kit/logs/03-deploy-daskhub-"));
  EXPECT_TRUE(has_line(reads[0], "tail -c +1 \"$f\" | head -c 15000 | base64 -w 0"));
}

TEST_F(DeployedDaskhub, AFullDeployStartsWithTheKitCheckWhichMotoCannotAnswer) {
  const auto r = heliocloud("daskhub " + instance_ + " deploy");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("heliocloud: the kit check on the admin host " + host_ +
                       " answered nothing instead of the kit's state"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(commands_with_comment("heliocloud daskhub " + instance_ + ": kit check").size(), 1U);
  EXPECT_TRUE(commands_with_comment("heliocloud daskhub " + instance_ + ": 00-tools").empty());
}

TEST_F(DeployedDaskhub, AMissingStackOrOutputSaysToDeployIt) {
  const auto other = kUnique("dh");
  box_.write("instance/" + other + ".yaml", daskhub_instance_yaml());
  auto r = heliocloud("daskhub " + other + " teardown");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("heliocloud: instance " + other + " has no Daskhub stack (CloudFormation stack " +
                       deployed::stack_name(other, "Daskhub") +
                       ") in region us-east-1; deploy it with: cdk deploy " + other +
                       "/Daskhub -c instance=" + other + ", or pass --region if it is deployed elsewhere"),
            std::string::npos)
      << r.err;

  (void)aws::CloudFormationClient(moto_config())
      .create_stack(deployed::stack_name(other, "Daskhub"),
                    R"({"Parameters": {"Bucket": {"Type": "String"}},
                        "Resources": {"M": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Ref": "Bucket"}}}},
                        "Outputs": {"Other": {"Value": "x"}}})",
                    {{"Bucket", kUnique("dh-marker")}});
  r = heliocloud("daskhub " + other + " status");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("has no output InstanceID (the admin host's instance id; was it deployed by an older "
                       "installer?); deploy it with: cdk deploy " +
                       other + "/Daskhub -c instance=" + other),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace heliocloud
