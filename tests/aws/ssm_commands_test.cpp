// SSM Run Command against a scripted local server: what SendCommand sends, what GetCommandInvocation's answer
// becomes, which errors mean what, and what is refused before anything is sent.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "aws/errors.h"
#include "aws/ssm.h"
#include "fake_http_server.h"
#include "scripted_server_config.h"

namespace aws = heliocloud::aws;
using heliocloud::testing::CannedResponse;
using heliocloud::testing::FakeHttpServer;
using heliocloud::testing::RecordedRequest;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

aws::ClientConfig ssm_config(const FakeHttpServer& server) {
  return aws::testing::scripted_server_config(server, "us-west-2");
}

CannedResponse ssm_json(int status, const json& body) {
  return {status, {{"Content-Type", "application/x-amz-json-1.1"}}, body.dump()};
}

CannedResponse ssm_error(const std::string& type, const std::string& message) {
  return ssm_json(400, {{"__type", type}, {"message", message}});
}

aws::SendCommandRequest step_request() {
  aws::SendCommandRequest r;
  r.instance_id = "i-0123456789abcdef0";
  r.commands = {"cd /", "echo 'it''s' \"$HOME\""};
  r.execution_timeout = 1800s;
  r.delivery_timeout = 120s;
  r.comment = "heliocloud daskhub demo: 03-deploy-daskhub";
  return r;
}

TEST(SsmRunCommand, SendCommandSendsTheDocumentAndItsParameters) {
  FakeHttpServer server([](const RecordedRequest&) {
    return ssm_json(200, {{"Command", {{"CommandId", "c0ffee-1"}, {"Status", "Pending"}}}});
  });
  const aws::SsmClient ssm(ssm_config(server));
  auto request = step_request();
  request.working_directory = "/home/ssm-user";
  request.cloudwatch_log_group = "/heliocloud/daskhub";
  const auto sent = ssm.send_command(request);
  EXPECT_EQ(sent.command_id, "c0ffee-1");
  EXPECT_EQ(sent.status, "Pending");

  const auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 1U);
  EXPECT_EQ(reqs[0].method, "POST");
  EXPECT_EQ(reqs[0].header("x-amz-target"), "AmazonSSM.SendCommand");
  EXPECT_EQ(reqs[0].header("content-type"), "application/x-amz-json-1.1");
  EXPECT_NE(reqs[0].header("authorization").find("/us-west-2/ssm/aws4_request"), std::string::npos);
  const auto body = json::parse(reqs[0].body);
  EXPECT_EQ(body["DocumentName"], "AWS-RunShellScript");
  EXPECT_EQ(body["InstanceIds"], json::array({"i-0123456789abcdef0"}));
  EXPECT_EQ(body["Parameters"]["commands"], json::array({"cd /", "echo 'it''s' \"$HOME\""}));
  EXPECT_EQ(body["Parameters"]["executionTimeout"], json::array({"1800"}));  // document parameters are lists
  EXPECT_EQ(body["Parameters"]["workingDirectory"], json::array({"/home/ssm-user"}));
  EXPECT_EQ(body["TimeoutSeconds"], 120);
  EXPECT_EQ(body["Comment"], "heliocloud daskhub demo: 03-deploy-daskhub");
  EXPECT_EQ(body["CloudWatchOutputConfig"],
            json({{"CloudWatchOutputEnabled", true}, {"CloudWatchLogGroupName", "/heliocloud/daskhub"}}));
}

TEST(SsmRunCommand, OptionalPartsAreLeftOut) {
  FakeHttpServer server([](const RecordedRequest&) {
    return ssm_json(200, {{"Command", {{"CommandId", "c"}}}});
  });
  const aws::SsmClient ssm(ssm_config(server));
  auto request = step_request();
  request.comment.clear();
  request.cloudwatch_log_group = "";  // enabled, SSM's default group
  (void)ssm.send_command(request);
  const auto body = json::parse(server.requests().at(0).body);
  EXPECT_FALSE(body.contains("Comment"));
  EXPECT_FALSE(body["Parameters"].contains("workingDirectory"));
  EXPECT_EQ(body["CloudWatchOutputConfig"], json({{"CloudWatchOutputEnabled", true}}));
}

TEST(SsmRunCommand, SendCommandIsNotRepeatedOnceSsmMayHaveActed) {
  FakeHttpServer server([](const RecordedRequest&) {
    return ssm_json(500, {{"__type", "InternalServerError"}, {"message", "oops"}});
  });
  const aws::SsmClient ssm(ssm_config(server));
  EXPECT_THROW((void)ssm.send_command(step_request()), aws::ServiceUnavailableError);
  EXPECT_EQ(server.count(), 1U);  // a retry could run the script twice
}

TEST(SsmRunCommand, AnAnswerWithoutACommandIdIsAnError) {
  FakeHttpServer server([](const RecordedRequest&) { return ssm_json(200, {{"Command", json::object()}}); });
  const aws::SsmClient ssm(ssm_config(server));
  try {
    (void)ssm.send_command(step_request());
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "SSM SendCommand: the answer names no CommandId");
  }
}

TEST(SsmRunCommand, AnUnreachableInstanceIsExplained) {
  FakeHttpServer server([](const RecordedRequest&) {
    return ssm_error("InvalidInstanceId",
                     "Instances [[i-0123456789abcdef0]] not in a valid state for account 1");
  });
  const aws::SsmClient ssm(ssm_config(server));
  try {
    (void)ssm.send_command(step_request());
    FAIL() << "no error";
  } catch (const aws::AwsError& e) {
    EXPECT_EQ(e.code(), "InvalidInstanceId");
    const std::string what = e.what();
    EXPECT_NE(
        what.find("instance i-0123456789abcdef0 is not a node SSM can reach: its SSM agent is not registered "
                  "or not online"),
        std::string::npos)
        << what;
    EXPECT_NE(what.find("AmazonSSMManagedInstanceCore"), std::string::npos) << what;
    EXPECT_NE(what.find("SSM said: Instances [[i-0123456789abcdef0]] not in a valid state"),
              std::string::npos)
        << what;
  }
  EXPECT_EQ(server.count(), 1U);
}

TEST(SsmRunCommand, RequestsSsmWouldRefuseAreNotSent) {
  FakeHttpServer server([](const RecordedRequest&) { return CannedResponse{500}; });
  const aws::SsmClient ssm(ssm_config(server));
  const auto refused = [&](const aws::SendCommandRequest& r, const std::string& why) {
    try {
      (void)ssm.send_command(r);
      ADD_FAILURE() << "accepted: " << why;
    } catch (const std::invalid_argument& e) {
      EXPECT_EQ(std::string(e.what()), "SSM SendCommand: " + why);
    }
  };
  auto r = step_request();
  r.comment = std::string(101, 'x');
  refused(r, "comment longer than 100 characters: " + r.comment);
  r = step_request();
  r.execution_timeout = 172801s;
  refused(r, "execution timeout 172801 s is not within 1 s to 48 h");
  r = step_request();
  r.delivery_timeout = 29s;
  refused(r, "delivery timeout 29 s is not within 30 s to 30 days");
  r = step_request();
  r.commands.clear();
  refused(r, "no commands to run");
  r = step_request();
  r.instance_id.clear();
  refused(r, "no instance id");
  EXPECT_EQ(server.count(), 0U);

  r = step_request();
  r.comment = std::string(99, 'x') + "\xC3\xA9";  // 100 characters in 101 bytes: SSM counts characters
  FakeHttpServer ok([](const RecordedRequest&) {
    return ssm_json(200, {{"Command", {{"CommandId", "c"}}}});
  });
  EXPECT_EQ(aws::SsmClient(ssm_config(ok)).send_command(r).command_id, "c");
}

TEST(SsmRunCommand, InvocationAnswersBecomeTypedValues) {
  FakeHttpServer server([](const RecordedRequest& req) {
    if (req.index == 0) {
      return ssm_json(200, {{"CommandId", "c1"},
                            {"InstanceId", "i-0123456789abcdef0"},
                            {"PluginName", "aws:runShellScript"},
                            {"ResponseCode", -1},
                            {"Status", "InProgress"},
                            {"StatusDetails", "InProgress"},
                            {"StandardOutputContent", ""},
                            {"StandardErrorContent", ""}});
    }
    return ssm_json(200, {{"CommandId", "c1"},
                          {"InstanceId", "i-0123456789abcdef0"},
                          {"ResponseCode", 3},
                          {"Status", "Failed"},
                          {"StatusDetails", "Failed"},
                          {"ExecutionStartDateTime", "2026-12-02T08:01:57.274Z"},
                          {"ExecutionEndDateTime", "2026-12-02T08:02:01.100Z"},
                          {"ExecutionElapsedTime", "PT3.826S"},
                          {"StandardOutputContent", std::string(10, 'o') + "\n---Output truncated---"},
                          {"StandardOutputUrl", "https://s3.amazonaws.com/b/k/stdout"},
                          {"StandardErrorContent", "ERROR: x\n"}});
  });
  const aws::SsmClient ssm(ssm_config(server));
  auto inv = ssm.get_command_invocation("c1", "i-0123456789abcdef0");
  EXPECT_EQ(inv.status, aws::CommandStatus::InProgress);
  EXPECT_FALSE(aws::is_terminal(inv.status));
  EXPECT_EQ(inv.response_code, -1);
  EXPECT_EQ(inv.plugin_name, "aws:runShellScript");
  EXPECT_FALSE(inv.output_truncated());
  const auto body = json::parse(server.requests().at(0).body);
  EXPECT_EQ(body, json({{"CommandId", "c1"}, {"InstanceId", "i-0123456789abcdef0"}}));
  EXPECT_EQ(server.requests().at(0).header("x-amz-target"), "AmazonSSM.GetCommandInvocation");

  inv = ssm.get_command_invocation("c1", "i-0123456789abcdef0");
  EXPECT_EQ(inv.status, aws::CommandStatus::Failed);
  EXPECT_EQ(inv.status_text, "Failed");
  EXPECT_TRUE(aws::is_terminal(inv.status));
  EXPECT_EQ(inv.response_code, 3);
  EXPECT_EQ(inv.elapsed, "PT3.826S");
  EXPECT_EQ(inv.execution_start, "2026-12-02T08:01:57.274Z");
  EXPECT_EQ(inv.standard_output_url, "https://s3.amazonaws.com/b/k/stdout");
  EXPECT_EQ(inv.standard_error, "ERROR: x\n");
  EXPECT_TRUE(inv.output_truncated());  // the agent's marker
  EXPECT_FALSE(inv.error_truncated());
}

TEST(SsmRunCommand, TruncationWithoutTheMarkerIsTheLimitReached) {
  aws::CommandInvocation inv;
  inv.standard_output = std::string(aws::kCommandOutputLimit - 1, 'a');
  EXPECT_FALSE(inv.output_truncated());
  inv.standard_output += "\xE2\x82\xAC";  // one character, three bytes: 24,000 characters
  EXPECT_TRUE(inv.output_truncated());
  inv.standard_error = std::string(aws::kCommandErrorLimit, 'e');
  EXPECT_TRUE(inv.error_truncated());
  inv.standard_error = "short\n---Error truncated----";
  EXPECT_TRUE(inv.error_truncated());
  EXPECT_EQ(aws::utf8_length("\xC3\xA9t\xC3\xA9"), 3U);
}

TEST(SsmRunCommand, StatusesAreParsedAndUnknownOnesKept) {
  using S = aws::CommandStatus;
  const std::vector<std::pair<std::string, S>> all = {
      {"Pending", S::Pending}, {"InProgress", S::InProgress}, {"Delayed", S::Delayed},
      {"Success", S::Success}, {"Cancelled", S::Cancelled},   {"TimedOut", S::TimedOut},
      {"Failed", S::Failed},   {"Cancelling", S::Cancelling}, {"Sleeping", S::Unknown}};
  for (const auto& [text, status] : all) EXPECT_EQ(aws::parse_command_status(text), status) << text;
  for (const S s : {S::Success, S::Cancelled, S::TimedOut, S::Failed}) EXPECT_TRUE(aws::is_terminal(s));
  for (const S s : {S::Pending, S::InProgress, S::Delayed, S::Cancelling, S::Unknown})
    EXPECT_FALSE(aws::is_terminal(s));
}

TEST(SsmRunCommand, MissingInvocationsAndCommandsAreNotFound) {
  FakeHttpServer server([](const RecordedRequest& req) {
    return req.index == 0 ? ssm_error("InvocationDoesNotExist", "")
                          : ssm_error("InvalidCommandId", "Invalid command id.");
  });
  const aws::SsmClient ssm(ssm_config(server));
  try {
    (void)ssm.get_command_invocation("c1", "i-0123456789abcdef0");
    FAIL() << "no error";
  } catch (const aws::NotFoundError& e) {
    EXPECT_EQ(e.code(), "InvocationDoesNotExist");
  }
  try {
    (void)ssm.get_command_invocation("nope", "i-0123456789abcdef0");
    FAIL() << "no error";
  } catch (const aws::NotFoundError& e) {
    EXPECT_EQ(e.code(), "InvalidCommandId");
  }
  EXPECT_EQ(server.count(), 2U);  // not retried: the answer will not change by asking again at once
}

TEST(SsmRunCommand, CancelNamesTheCommandAndInstances) {
  FakeHttpServer server([](const RecordedRequest&) { return ssm_json(200, json::object()); });
  const aws::SsmClient ssm(ssm_config(server));
  ssm.cancel_command("c1", {"i-0123456789abcdef0"});
  ssm.cancel_command("c2");
  const auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 2U);
  EXPECT_EQ(reqs[0].header("x-amz-target"), "AmazonSSM.CancelCommand");
  EXPECT_EQ(json::parse(reqs[0].body),
            json({{"CommandId", "c1"}, {"InstanceIds", json::array({"i-0123456789abcdef0"})}}));
  EXPECT_EQ(json::parse(reqs[1].body), json({{"CommandId", "c2"}}));
}

}  // namespace
