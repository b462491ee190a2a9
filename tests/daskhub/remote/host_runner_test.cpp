// The runner against a scripted host behind a fake SSM: output printed once and in order as the log grows,
// the end mapped to an exit status and a plain sentence, SSM's quirks waited out, Ctrl-C cancelling.
#include "daskhub/remote/host_runner.h"

#include <gtest/gtest.h>

#include <atomic>
#include <sstream>

#include "aws/errors.h"
#include "fake_ssm_host.h"

namespace heliocloud::daskhub::remote {
namespace {

using heliocloud::testing::CannedResponse;
using heliocloud::testing::FakeHttpServer;
using heliocloud::testing::RecordedRequest;
using testing::FakeSsmHost;
using testing::ScriptedRun;
using testing::SentScript;
using namespace std::chrono_literals;

constexpr const char* kInstance = "i-0123456789abcdef0";
constexpr const char* kLog = "/home/ssm-user/daskhub/.kit/logs/01-x-20261202T080000Z.log";

// A runner over a fake host, with waits of milliseconds instead of seconds.
struct HostRunnerRig {
  explicit HostRunnerRig(FakeSsmHost::Script script)
      : host(std::move(script)), server([this](const RecordedRequest& r) {
          if (auto a = host.answer(r)) return *a;
          return CannedResponse{400, {}, "unexpected request"};
        }) {
    aws::ClientConfig c;
    c.region = "us-east-1";
    c.endpoint_url = server.url();
    c.credentials = std::make_shared<aws::StaticCredentialsProvider>(aws::Credentials{
        .access_key_id = "AKID", .secret_access_key = "SECRET", .session_token = "", .expiration = {}});
    c.retry.max_attempts = 2;
    c.retry.base_delay = 1ms;
    ssm.emplace(c);
    options.poll = {.base = 1ms, .cap = 4ms};
    options.short_poll = {.base = 1ms, .cap = 2ms};
    options.short_timeout = 5s;
    options.appear_timeout = 5s;
    options.cancel_wait = 5s;
    options.out = &out;
    options.err = &err;
    options.status_hint = "heliocloud daskhub demo status";
  }

  HostOutcome run(const HostCommand& command) {
    HostRunner runner(*ssm, kInstance, options);
    return runner.run(command);
  }

  FakeSsmHost host;
  FakeHttpServer server;
  std::optional<aws::SsmClient> ssm;
  RunnerOptions options;
  std::ostringstream out;
  std::ostringstream err;
};

HostCommand step_command() {
  return {.label = "01-x",
          .script = {"log='" + std::string(kLog) + "'", "./01-x.sh"},
          .timeout = 600s,
          .log_file = kLog};
}

TEST(HostRunner, PrintsTheLogAsItGrowsOnceAndInOrderAndEndsWithTheStepsStatus) {
  HostRunnerRig rig([](const SentScript&) {
    ScriptedRun r;
    r.log_chunks = {"one\n", "", "two\nthr", "ee\n"};
    r.exit_code = 3;
    r.captured_error = "heliocloud: something on stderr";
    return r;
  });
  const auto outcome = rig.run(step_command());
  EXPECT_EQ(outcome.exit_code, 3);
  EXPECT_FALSE(outcome.interrupted);
  EXPECT_EQ(outcome.invocation.status, aws::CommandStatus::Failed);
  EXPECT_EQ(rig.out.str(), "one\ntwo\nthree\n");  // SSM's copy of the same output is not printed again
  const auto err = rig.err.str();
  EXPECT_NE(err.find("[01-x] running on i-0123456789abcdef0 as SSM command cmd-1 (limit 10m00s)\n"),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("heliocloud: something on stderr\n"), std::string::npos) << err;
  EXPECT_NE(err.find("[01-x] FAILED with exit status 3 after "), std::string::npos) << err;

  // Each read starts where the previous one ended.
  std::vector<std::string> offsets;
  for (const auto& s : rig.host.sent()) {
    if (!s.log_read) continue;
    EXPECT_EQ(s.variable("f"), kLog);
    for (const auto& line : s.commands) {
      const auto at = line.find("tail -c +");
      if (at != std::string::npos) offsets.push_back(line.substr(at + 9, line.find(' ', at + 9) - at - 9));
    }
  }
  ASSERT_GE(offsets.size(), 4U);
  EXPECT_EQ(offsets.front(), "1");
  EXPECT_NE(std::ranges::find(offsets, "5"), offsets.end());  // after "one\n"
  EXPECT_EQ(offsets.back(), "15");                            // after all 14 bytes
  const auto main = rig.host.runs().at(0);
  EXPECT_EQ(main.request["Comment"], "heliocloud daskhub: 01-x");
  EXPECT_EQ(main.request["Parameters"]["executionTimeout"], nlohmann::json::array({"600"}));
  EXPECT_EQ(main.request["TimeoutSeconds"], 120);
}

TEST(HostRunner, ALargeLogIsReadInChunksByteForByte) {
  std::string big;
  for (int i = 0; big.size() < (3 * kLogChunkBytes) + 10; ++i)
    big += "line " + std::to_string(i) + " \xC3\xA9t\xC3\xA9\n";
  HostRunnerRig rig([&](const SentScript&) {
    ScriptedRun r;
    r.log_chunks = {big};
    return r;
  });
  const auto outcome = rig.run(step_command());
  EXPECT_EQ(outcome.exit_code, 0);
  EXPECT_EQ(rig.out.str(), big);
  std::size_t reads = 0;
  for (const auto& s : rig.host.sent()) reads += s.log_read ? 1 : 0;
  EXPECT_GE(reads, 4U);  // 15,000 bytes at a time
  EXPECT_NE(rig.err.str().find("[01-x] done in "), std::string::npos) << rig.err.str();
  EXPECT_EQ(rig.err.str().find("24000"), std::string::npos);  // no truncation talk: the log was read whole
}

TEST(HostRunner, AnInvocationSsmHasNotRecordedYetIsWaitedFor) {
  HostRunnerRig rig([](const SentScript&) {
    ScriptedRun r;
    r.hidden_looks = 3;
    r.log_chunks = {"ok\n"};
    return r;
  });
  EXPECT_EQ(rig.run(step_command()).exit_code, 0);
  EXPECT_EQ(rig.out.str(), "ok\n");
}

TEST(HostRunner, WithoutAReadableLogTheOutputComesFromSsmAndItsLimitIsSaid) {
  const std::string long_output(30000, 'x');
  HostRunnerRig rig([&](const SentScript&) {
    ScriptedRun r;
    r.log_chunks = {"a", "b", "c", long_output};
    r.exit_code = 0;
    return r;
  });
  rig.host.break_log_reads();
  EXPECT_EQ(rig.run(step_command()).exit_code, 0);
  const auto err = rig.err.str();
  EXPECT_NE(err.find("[01-x] cannot read its log " + std::string(kLog) +
                     " on the host; the rest of the output comes from SSM when the step ends"),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("[01-x] SSM returned only the first 24000 characters of the output; the whole log is " +
                     std::string(kLog) +
                     " on i-0123456789abcdef0 (`heliocloud daskhub demo status` shows its end)"),
            std::string::npos)
      << err;
  EXPECT_TRUE(rig.out.str().starts_with("abcxxx"));
  EXPECT_TRUE(rig.out.str().ends_with("\n---Output truncated---"));
}

TEST(HostRunner, ACommandWithoutALogPrintsWhatSsmCaptured) {
  HostRunnerRig rig([](const SentScript&) {
    ScriptedRun r;
    r.captured = "kit          /home/ssm-user/daskhub\n";
    return r;
  });
  EXPECT_EQ(rig.run({"status", {"true"}, 300s, std::nullopt}).exit_code, 0);
  EXPECT_EQ(rig.out.str(), "kit          /home/ssm-user/daskhub\n");
  for (const auto& s : rig.host.sent()) EXPECT_FALSE(s.log_read);
}

TEST(HostRunner, TimeoutsAreToldApart) {
  HostRunnerRig rig([](const SentScript& s) {
    ScriptedRun r;
    r.exit_code = -1;
    r.status = "TimedOut";
    r.details = s.contains("late") ? "DeliveryTimedOut" : "ExecutionTimedOut";
    return r;
  });
  auto outcome = rig.run(step_command());
  EXPECT_EQ(outcome.exit_code, 124);
  EXPECT_NE(rig.err.str().find("[01-x] TIMED OUT: it ran longer than its limit of 10m00s and the SSM agent "
                               "stopped it"),
            std::string::npos)
      << rig.err.str();
  outcome = rig.run({.label = "late", .script = {"late"}, .timeout = 60s, .log_file = std::nullopt});
  EXPECT_EQ(outcome.exit_code, 124);
  EXPECT_NE(rig.err.str().find("[late] NOT RUN: the host did not take the command in time (DeliveryTimedOut"),
            std::string::npos)
      << rig.err.str();
}

TEST(HostRunner, CtrlCCancelsTheCommandOnTheHost) {
  std::atomic<int> presses{0};
  HostRunnerRig rig([&](const SentScript&) {
    ScriptedRun r;
    r.log_chunks = {"started\n"};
    r.never_ends = true;
    return r;
  });
  rig.options.interrupts = [&] {
    // The user presses Ctrl-C once the step has printed something.
    if (rig.out.str() == "started\n") presses = 1;
    return presses.load();
  };
  const auto outcome = rig.run(step_command());
  EXPECT_TRUE(outcome.interrupted);
  EXPECT_EQ(outcome.exit_code, 130);
  EXPECT_EQ(outcome.invocation.status, aws::CommandStatus::Cancelled);
  EXPECT_EQ(rig.host.cancelled(), std::vector<std::string>{"cmd-1"});
  const auto err = rig.err.str();
  EXPECT_NE(err.find("[01-x] interrupted: cancelling SSM command cmd-1 on i-0123456789abcdef0"),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("[01-x] cancelled after "), std::string::npos) << err;
}

TEST(HostRunner, LosingTrackOfAStepSaysItMayStillRun) {
  int looks = 0;
  HostRunnerRig rig([](const SentScript&) {
    ScriptedRun r;
    r.never_ends = true;
    return r;
  });
  FakeHttpServer failing([&](const RecordedRequest& r) {
    if (r.header("x-amz-target") == "AmazonSSM.GetCommandInvocation" && ++looks > 1)
      return CannedResponse{503, {}, R"({"__type":"InternalServerError","message":"down"})"};
    if (auto a = rig.host.answer(r)) return *a;
    return CannedResponse{400};
  });
  aws::ClientConfig c = rig.ssm->service().config();
  c.endpoint_url = failing.url();
  const aws::SsmClient ssm(c);
  HostRunner runner(ssm, kInstance, rig.options);
  try {
    (void)runner.run({.label = "01-x", .script = {"x"}, .timeout = 600s, .log_file = std::nullopt});
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    EXPECT_TRUE(
        what.starts_with("lost track of 01-x (SSM command cmd-1): SSM GetCommandInvocation: HTTP 503"))
        << what;
    EXPECT_TRUE(what.ends_with("; it may still be running on the host: heliocloud daskhub demo status"))
        << what;
  }
}

TEST(HostRunner, AnUnreachableHostIsTheClientsError) {
  FakeHttpServer server([](const RecordedRequest&) {
    return CannedResponse{
        400, {}, R"({"__type":"InvalidInstanceId","message":"Instances not in a valid state"})"};
  });
  aws::ClientConfig c;
  c.region = "us-east-1";
  c.endpoint_url = server.url();
  c.credentials = std::make_shared<aws::StaticCredentialsProvider>(aws::Credentials{
      .access_key_id = "AKID", .secret_access_key = "SECRET", .session_token = "", .expiration = {}});
  const aws::SsmClient ssm(c);
  HostRunner runner(ssm, kInstance);
  try {
    (void)runner.run({.label = "01-x", .script = {"x"}, .timeout = 600s, .log_file = std::nullopt});
    FAIL() << "no error";
  } catch (const aws::AwsError& e) {
    EXPECT_NE(std::string(e.what()).find("its SSM agent is not registered or not online"), std::string::npos);
  }
}

TEST(HostRunner, EndsMapToExitStatusesAndSentences) {
  const auto inv = [](const char* status, int code, const char* details = "") {
    aws::CommandInvocation i;
    i.status_text = status;
    i.status = aws::parse_command_status(status);
    i.response_code = code;
    i.status_details = details;
    return i;
  };
  EXPECT_EQ(exit_code_of(inv("Success", 0)), 0);
  EXPECT_EQ(exit_code_of(inv("Failed", 7)), 7);
  EXPECT_EQ(exit_code_of(inv("Failed", -1)), 1);  // no status of its own (never ran)
  EXPECT_EQ(exit_code_of(inv("Failed", 300)), 1);
  EXPECT_EQ(exit_code_of(inv("TimedOut", -1)), 124);
  EXPECT_EQ(exit_code_of(inv("Cancelled", -1)), 130);
  EXPECT_EQ(exit_code_of(inv("InProgress", -1)), 1);

  const HostCommand c{.label = "03-deploy-daskhub", .script = {}, .timeout = 2700s, .log_file = std::nullopt};
  EXPECT_EQ(describe_end(c, inv("Success", 0), 3725s), "[03-deploy-daskhub] done in 1h02m");
  EXPECT_EQ(describe_end(c, inv("Failed", 2), 65s),
            "[03-deploy-daskhub] FAILED with exit status 2 after 1m05s");
  EXPECT_EQ(describe_end(c, inv("Failed", -1, "Undeliverable"), 1s),
            "[03-deploy-daskhub] FAILED: SSM could not deliver the command (Undeliverable: the instance is "
            "gone, or "
            "its agent cannot take commands)");
  EXPECT_EQ(
      describe_end(c, inv("Failed", -1, "Terminated"), 1s),
      "[03-deploy-daskhub] FAILED: the host ended the command (Terminated: it rebooted or shut down, or its "
      "SSM agent restarted)");
  EXPECT_EQ(
      describe_end(c, inv("TimedOut", -1, "ExecutionTimedOut"), 2700s),
      "[03-deploy-daskhub] TIMED OUT: it ran longer than its limit of 45m00s and the SSM agent stopped it");
  EXPECT_EQ(describe_end(c, inv("Weird", -1, "Odd"), 1s), "[03-deploy-daskhub] ended as Weird (Odd)");
}

}  // namespace
}  // namespace heliocloud::daskhub::remote
