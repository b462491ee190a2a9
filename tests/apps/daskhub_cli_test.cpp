// `heliocloud daskhub` as an operator runs it, against a fake AWS (CloudFormation's DescribeStacks and a
// scripted admin host behind SSM, tests/daskhub/remote/fake_ssm_host.h): the step's output on stdout, our
// progress on stderr, the failed step's exit status as the command's, and what is refused before any call.
#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "deployed/instance_stack.h"
#include "env_guard.h"
#include "fake_ssm_host.h"

namespace heliocloud {
namespace {

using daskhub::remote::testing::FakeSsmHost;
using daskhub::remote::testing::ScriptedRun;
using daskhub::remote::testing::SentScript;
using heliocloud::testing::CannedResponse;
using heliocloud::testing::FakeHttpServer;
using heliocloud::testing::RecordedRequest;
using registry::test::CliSandbox;

constexpr const char* kHost = "i-0123456789abcdef0";

std::string describe_stacks_answer(const std::string& name) {
  return "<DescribeStacksResponse "
         "xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><DescribeStacksResult>"
         "<Stacks><member><StackName>" +
         name + "</StackName><StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/" + name +
         "/1</StackId><StackStatus>UPDATE_COMPLETE</StackStatus><Outputs><member><OutputKey>InstanceID</"
         "OutputKey>"
         "<OutputValue>" +
         kHost +
         "</OutputValue></member></Outputs></member></Stacks></DescribeStacksResult></"
         "DescribeStacksResponse>";
}

class DaskhubCli : public ::testing::Test {
 protected:
  DaskhubCli()
      : host_([this](const SentScript& s) { return script_(s); }), server_([this](const RecordedRequest& r) {
          if (unreachable_ && r.header("x-amz-target") == "AmazonSSM.SendCommand") {
            return CannedResponse{
                400, {}, R"({"__type":"InvalidInstanceId","message":"Instances not in a valid state"})"};
          }
          if (auto a = host_.answer(r)) return *a;
          if (r.body.find("Action=DescribeStacks") != std::string::npos)
            return CannedResponse{200, {{"Content-Type", "text/xml"}}, describe_stacks_answer(stack_)};
          return CannedResponse{400, {}, "unexpected request"};
        }) {
    env_.set("AWS_ENDPOINT_URL", server_.url());
    env_.set("AWS_ACCESS_KEY_ID", "AKID");
    env_.set("AWS_SECRET_ACCESS_KEY", "SECRET");
    env_.unset("AWS_SESSION_TOKEN");
    env_.unset("AWS_PROFILE");
    env_.set("AWS_REGION", "us-east-1");
    env_.set("AWS_EC2_METADATA_DISABLED", "true");
    env_.set("AWS_CONFIG_FILE", "/dev/null");
    env_.set("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    box_.write(
        "instance/demo.yaml",
        "env:\n  region: us-east-1\nenabled:\n  daskhub: True\ndaskhub:\n  daskhub:\n    contact_email: "
        "ops@example.org\n    domain_url: example.org\n");
    box_.write("instance/registryonly.yaml", "env:\n  region: us-east-1\n");
  }

  [[nodiscard]] registry::test::CliRun heliocloud(const std::string& args) const {
    return box_.run(args + " --instance-dir " + box_.instance_dir());
  }

  std::string stack_ = deployed::stack_name("demo", "Daskhub");
  std::atomic<bool> unreachable_{false};  // SSM answers InvalidInstanceId
  FakeSsmHost::Script script_;
  FakeSsmHost host_;
  FakeHttpServer server_;
  aws::testing::EnvGuard env_;
  CliSandbox box_;
};

TEST_F(DaskhubCli, DeployStopsAtTheFailedStepAndExitsWithItsStatus) {
  script_ = [](const SentScript& s) {
    ScriptedRun r;
    if (s.contains("heliocloud-kit-check")) {
      r.captured =
          "heliocloud-kit-check 1\nowner yes\nkit yes\nscript 00-bootstrap.sh\nscript 00-tools.sh\n"
          "script 01-deploy-k8s.sh\nscript 02-deploy-daskhub-storage.sh\nscript 03-deploy-daskhub.sh\n"
          "script 99-delete-daskhub.sh\nbusy no\n";
      return r;
    }
    r.log_chunks = {"installing kubectl v1.31.0\n"};
    r.exit_code = 7;
    return r;
  };
  const auto r = heliocloud("daskhub demo deploy");
  EXPECT_EQ(r.status, 7) << r.err;
  EXPECT_EQ(r.out, "installing kubectl v1.31.0\n");
  EXPECT_NE(r.err.find("Daskhub admin host " + std::string(kHost) + " (stack " + stack_ + ", us-east-1)\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("== deploy step 1/5: 00-tools: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[00-tools] FAILED with exit status 7 after "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("`heliocloud daskhub demo deploy --step 00-tools`"), std::string::npos) << r.err;
  const auto runs = host_.runs();
  ASSERT_EQ(runs.size(), 2U);  // the kit check, then 00-tools
  EXPECT_EQ(runs[1].variable("script"), "00-tools.sh");
  EXPECT_EQ(runs[1].request["Comment"], "heliocloud daskhub demo: 00-tools");
  EXPECT_EQ(runs[1].request["InstanceIds"], nlohmann::json::array({kHost}));
}

TEST_F(DaskhubCli, ForAStepThatSucceedsTheStatusIsZero) {
  script_ = [](const SentScript&) {
    ScriptedRun r;
    r.log_chunks = {"deleted\n"};
    return r;
  };
  const auto r = heliocloud("daskhub demo teardown --step 99-delete-daskhub.sh");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "deleted\n");
  EXPECT_NE(r.err.find("== teardown finished: 99-delete-daskhub\n"), std::string::npos) << r.err;
}

TEST_F(DaskhubCli, AHostSsmCannotReachIsToBeFixedFirst) {
  unreachable_ = true;
  const auto r = heliocloud("daskhub demo status");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("instance " + std::string(kHost) +
                       " is not a node SSM can reach: its SSM agent is not registered or not online"),
            std::string::npos)
      << r.err;
}

TEST_F(DaskhubCli, WrongRequestsAreRefusedBeforeAnyCall) {
  auto r = heliocloud("daskhub demo deploy --step 7");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("heliocloud: --step 7 is not a step of the Daskhub kit; deploy has: 00-tools, "),
            std::string::npos)
      << r.err;
  r = heliocloud("daskhub demo status --step 1");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--step applies to deploy and teardown, not to status"), std::string::npos) << r.err;
  r = heliocloud("daskhub demo restart");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("restart not in {deploy,status,teardown}"), std::string::npos) << r.err;
  r = heliocloud("daskhub registryonly status");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(
      r.err.find("enabled.daskhub is false, so instance registryonly has no Daskhub; set it to true and "
                 "deploy registryonly/Daskhub"),
      std::string::npos)
      << r.err;
  EXPECT_EQ(server_.count(), 0U);
}

TEST_F(DaskhubCli, HelpNamesTheActionsAndExitStatuses) {
  const auto r = box_.run("daskhub --help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("deploy: every deploy step in order"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--step"), std::string::npos);
  EXPECT_NE(r.out.find("130 when interrupted"), std::string::npos);
  EXPECT_NE(box_.run("--help").out.find("daskhub"), std::string::npos);
}

}  // namespace
}  // namespace heliocloud
