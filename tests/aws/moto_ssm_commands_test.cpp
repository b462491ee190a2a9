// SSM Run Command against moto 5.2.1. What moto does (measured, see also /work/shared/docs/moto-coverage.md):
// SendCommand accepts any instance id and records the command; GetCommandInvocation answers Success with
// ResponseCode 0 and empty output at once, for every instance moto knows (with no Targets it adds all of
// them to a command); ListCommands returns the parameters as sent. What moto cannot check: that the script
// runs (nothing runs), real statuses and exit codes, output and its 24,000-character limit, InvalidInstanceId
// for an offline agent, CancelCommand, ListCommandInvocations and DescribeInstanceInformation (HTTP 500 in
// moto). Those are covered against a scripted server (ssm_commands_test.cpp).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "aws/errors.h"
#include "aws/protocols.h"
#include "aws/ssm.h"
#include "moto_ec2.h"
#include "moto_support.h"

namespace aws = heliocloud::aws;
using aws::testing::moto_config;
using namespace std::chrono_literals;

namespace {

TEST(SsmRunCommandMoto, SendThenReadTheInvocation) {
  const auto instance = aws::testing::run_moto_instance();
  ASSERT_TRUE(instance.starts_with("i-")) << instance;
  const aws::SsmClient ssm(moto_config());

  aws::SendCommandRequest request;
  request.instance_id = instance;
  request.commands = {"cd /", "echo 'it'\\''s here'", "exit 3"};
  request.execution_timeout = 1800s;
  request.delivery_timeout = 120s;
  request.comment = "heliocloud moto test";
  const auto sent = ssm.send_command(request);
  EXPECT_FALSE(sent.command_id.empty());
  EXPECT_EQ(sent.status, "Success");  // moto: at once (AWS: Pending)

  const auto inv = ssm.get_command_invocation(sent.command_id, instance);
  EXPECT_EQ(inv.command_id, sent.command_id);
  EXPECT_EQ(inv.instance_id, instance);
  EXPECT_EQ(inv.plugin_name, "aws:runShellScript");
  EXPECT_EQ(inv.status, aws::CommandStatus::Success);  // moto does not run the script, so not exit 3
  EXPECT_EQ(inv.response_code, 0);
  EXPECT_EQ(inv.standard_output, "");
  EXPECT_FALSE(inv.output_truncated());

  // What SSM recorded is what was sent: the lines, the timeouts and the comment.
  const auto listed = aws::json_rpc_call(ssm.service(), "AmazonSSM", "1.1", "ListCommands",
                                         {{"CommandId", sent.command_id}}, true);
  const auto& command = listed.at("Commands").at(0);
  EXPECT_EQ(command["DocumentName"], "AWS-RunShellScript");
  EXPECT_EQ(command["Comment"], "heliocloud moto test");
  EXPECT_EQ(command["TimeoutSeconds"], 120);
  EXPECT_EQ(command["Parameters"]["commands"], nlohmann::json(request.commands));
  EXPECT_EQ(command["Parameters"]["executionTimeout"], nlohmann::json::array({"1800"}));
  const auto& ids = command["InstanceIds"];
  // NOLINTNEXTLINE(modernize-use-ranges): json is no std::ranges range
  EXPECT_NE(std::find(ids.begin(), ids.end(), instance), ids.end());
}

TEST(SsmRunCommandMoto, UnknownCommandsAndInvocationsAreNotFound) {
  const auto instance = aws::testing::run_moto_instance();
  const aws::SsmClient ssm(moto_config());
  aws::SendCommandRequest request;
  request.instance_id = instance;
  request.commands = {"true"};
  const auto sent = ssm.send_command(request);
  try {
    (void)ssm.get_command_invocation(sent.command_id, "i-00000000000000000");
    FAIL() << "no error";
  } catch (const aws::NotFoundError& e) {
    EXPECT_EQ(e.code(), "InvocationDoesNotExist");
  }
  try {
    (void)ssm.get_command_invocation("00000000-0000-0000-0000-000000000000", instance);
    FAIL() << "no error";
  } catch (const aws::NotFoundError& e) {
    EXPECT_EQ(e.code(), "InvalidCommandId");
  }
}

}  // namespace
