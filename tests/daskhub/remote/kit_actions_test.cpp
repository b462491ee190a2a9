// deploy, teardown and status as sequences of scripts on a scripted host: which steps, in which order, as
// whom, where each stops, and what must be fixed before anything runs.
#include "daskhub/remote/kit_actions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "daskhub/remote/setup_error.h"
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

const std::vector<std::string> kFullKit = {"00-bootstrap.sh",      "00-tools.sh",
                                           "01-deploy-k8s.sh",     "02-deploy-daskhub-storage.sh",
                                           "03-deploy-daskhub.sh", "04-deploy-monitoring.sh",
                                           "99-delete-daskhub.sh"};

std::string kit_check_answer(const std::vector<std::string>& scripts, bool busy = false) {
  std::string s = "heliocloud-kit-check 1\nowner yes\nkit yes\n";
  for (const auto& script : scripts) s += "script " + script + "\n";
  return s + (busy ? "busy yes\n" : "busy no\n");
}

struct KitActionsRig {
  explicit KitActionsRig(FakeSsmHost::Script script)
      : host(std::move(script)), server([this](const RecordedRequest& r) {
          if (auto a = host.answer(r)) return *a;
          return CannedResponse{400, {}, "unexpected request"};
        }) {
    aws::ClientConfig c;
    c.region = "us-east-1";
    c.endpoint_url = server.url();
    c.credentials = std::make_shared<aws::StaticCredentialsProvider>(aws::Credentials{
        .access_key_id = "AKID", .secret_access_key = "SECRET", .session_token = "", .expiration = {}});
    ssm.emplace(c);
  }

  int run(const KitRequest& request) {
    RunnerOptions o;
    o.poll = {.base = 1ms, .cap = 2ms};
    o.short_poll = {.base = 1ms, .cap = 2ms};
    o.out = &out;
    o.err = &err;
    o.interrupts = interrupts;
    HostRunner runner(*ssm, "i-0123456789abcdef0", o);
    return run_kit_action(runner, HostLayout::admin_host(), request, err);
  }

  // The steps run, in order, by their script; "(root)" after those not run through runuser.
  std::vector<std::string> steps_run() const {
    std::vector<std::string> names;
    for (const auto& s : host.runs()) {
      if (s.variable("script").empty()) continue;
      names.push_back(s.variable("script") + (s.contains("runuser -u \"$owner\" -- bash") ? "" : " (root)"));
    }
    return names;
  }

  FakeSsmHost host;
  FakeHttpServer server;
  std::optional<aws::SsmClient> ssm;
  std::function<int()> interrupts;
  std::ostringstream out;
  std::ostringstream err;
};

// A host with the given kit where every step prints its name into its log and exits with fail(name).
FakeSsmHost::Script kit_host(const std::vector<std::string>& scripts, int (*fail)(const std::string&)) {
  return [scripts, fail](const SentScript& s) {
    ScriptedRun r;
    if (s.contains("heliocloud-kit-check")) {
      r.captured = kit_check_answer(scripts);
      return r;
    }
    const auto script = s.variable("script");
    r.log_chunks = {script + " ran\n"};
    r.exit_code = fail(script);
    return r;
  };
}

int never(const std::string& /*unused*/) {
  return 0;
}

TEST(KitActions, DeployRunsEveryStepOfTheKitInOrder) {
  KitActionsRig rig(kit_host(kFullKit, never));
  EXPECT_EQ(rig.run({"demo", Action::Deploy, std::nullopt}), 0);
  EXPECT_EQ(rig.steps_run(), (std::vector<std::string>{"00-tools.sh (root)", "00-bootstrap.sh",
                                                       "01-deploy-k8s.sh", "02-deploy-daskhub-storage.sh",
                                                       "03-deploy-daskhub.sh", "04-deploy-monitoring.sh"}));
  EXPECT_EQ(rig.out.str(),
            "00-tools.sh ran\n00-bootstrap.sh ran\n01-deploy-k8s.sh ran\n02-deploy-daskhub-storage.sh ran\n"
            "03-deploy-daskhub.sh ran\n04-deploy-monitoring.sh ran\n");
  const auto err = rig.err.str();
  EXPECT_NE(
      err.find("== deploy step 1/6: 00-tools: install kubectl, eksctl, helm and kustomize (pinned, checksums "
               "verified) (as root)\n"),
      std::string::npos)
      << err;
  EXPECT_NE(err.find("== deploy step 5/6: 03-deploy-daskhub: "), std::string::npos) << err;
  EXPECT_NE(err.find("== deploy finished: 00-tools, 00-bootstrap, 01-deploy-k8s, 02-deploy-daskhub-storage, "
                     "03-deploy-daskhub, 04-deploy-monitoring\n"),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("create the hub's users in the instance's Cognito user pool"), std::string::npos) << err;
  // Each step has its own log, and its own time limit.
  const auto runs = rig.host.runs();
  ASSERT_EQ(runs.size(), 7U);  // the kit check, then six steps
  EXPECT_TRUE(runs[5].variable("log").starts_with("/home/ssm-user/daskhub/.kit/logs/03-deploy-daskhub-"));
  EXPECT_EQ(runs[5].request["Parameters"]["executionTimeout"], nlohmann::json::array({"2700"}));
  EXPECT_EQ(runs[3].request["Parameters"]["executionTimeout"], nlohmann::json::array({"3600"}));
  EXPECT_EQ(runs[0].request["Parameters"]["executionTimeout"], nlohmann::json::array({"60"}));
}

TEST(KitActions, MonitoringRunsOnlyWhenTheKitHasIt) {
  auto kit = kFullKit;
  kit.erase(std::ranges::find(kit, "04-deploy-monitoring.sh"));
  KitActionsRig rig(kit_host(kit, never));
  EXPECT_EQ(rig.run({"demo", Action::Deploy, std::nullopt}), 0);
  EXPECT_EQ(rig.steps_run().size(), 5U);
  EXPECT_EQ(rig.steps_run().back(), "03-deploy-daskhub.sh");
}

TEST(KitActions, DeployStopsAtTheFirstFailedStepWithItsStatus) {
  KitActionsRig rig(
      kit_host(kFullKit, [](const std::string& s) { return s == "02-deploy-daskhub-storage.sh" ? 5 : 0; }));
  EXPECT_EQ(rig.run({"demo", Action::Deploy, std::nullopt}), 5);
  EXPECT_EQ(rig.steps_run().back(), "02-deploy-daskhub-storage.sh");
  const auto err = rig.err.str();
  EXPECT_NE(err.find("[02-deploy-daskhub-storage] FAILED with exit status 5"), std::string::npos) << err;
  EXPECT_NE(err.find("== deploy stopped at 02-deploy-daskhub-storage; its log stays on the host: "
                     "/home/ssm-user/daskhub/.kit/logs/02-deploy-daskhub-storage-"),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("or only this step: `heliocloud daskhub demo deploy --step 02-deploy-daskhub-storage`"),
            std::string::npos)
      << err;
  EXPECT_EQ(err.find("deploy finished"), std::string::npos) << err;
}

TEST(KitActions, OneStepRunsWithoutTheKitCheck) {
  KitActionsRig rig(kit_host(kFullKit, never));
  EXPECT_EQ(rig.run({"demo", Action::Deploy, "3"}), 0);
  EXPECT_EQ(rig.steps_run(), std::vector<std::string>{"03-deploy-daskhub.sh"});
  EXPECT_EQ(rig.host.runs().size(), 1U);
  EXPECT_EQ(rig.err.str().find("Next:"), std::string::npos);
}

TEST(KitActions, TeardownRunsTheDeleteStep) {
  KitActionsRig rig(kit_host(kFullKit, never));
  EXPECT_EQ(rig.run({"demo", Action::Teardown, std::nullopt}), 0);
  EXPECT_EQ(rig.steps_run(), std::vector<std::string>{"99-delete-daskhub.sh"});
  EXPECT_NE(rig.err.str().find("== teardown finished: 99-delete-daskhub\n"), std::string::npos);
}

TEST(KitActions, StatusPrintsTheHostsReport) {
  KitActionsRig rig([](const SentScript& s) {
    ScriptedRun r;
    r.captured = s.contains("exec runuser") ? "running      no step\n" : "unexpected\n";
    return r;
  });
  EXPECT_EQ(rig.run({"demo", Action::Status, std::nullopt, 7}), 0);
  EXPECT_EQ(rig.out.str(), "running      no step\n");
  ASSERT_EQ(rig.host.runs().size(), 1U);
  EXPECT_TRUE(rig.host.runs()[0].contains(" status \"$kit\" 7"));  // --lines reaches the host
  EXPECT_THROW(rig.run({"demo", Action::Status, "1"}), SetupError);
}

TEST(KitActions, AHostThatAnswersNothingIsNotTakenForAnEmptyKit) {
  KitActionsRig rig(
      [](const SentScript&) { return ScriptedRun{}; });  // SSM says Success, the output is empty
  try {
    (void)rig.run({.instance = "demo", .action = Action::Deploy, .step = std::nullopt});
    FAIL() << "no error";
  } catch (const SetupError& e) {
    EXPECT_STREQ(
        e.what(),
        "the kit check on the admin host i-0123456789abcdef0 answered nothing instead of the kit's state: "
        "the host did not run the check as sent");
  }
  EXPECT_EQ(rig.host.runs().size(), 1U);
}

TEST(KitActions, CtrlCDuringTheKitCheckRunsNoStep) {
  KitActionsRig rig([](const SentScript&) {
    ScriptedRun r;
    r.never_ends = true;
    return r;
  });
  rig.interrupts = [] { return 1; };
  EXPECT_EQ(rig.run({"demo", Action::Deploy, std::nullopt}), 130);
  EXPECT_NE(rig.err.str().find("== deploy interrupted before any step ran\n"), std::string::npos)
      << rig.err.str();
  EXPECT_EQ(rig.host.runs().size(), 1U);
}

TEST(KitActions, WhatMustBeFixedFirstIsSaid) {
  const auto host = HostLayout::admin_host();
  const auto refusal = [&](const KitCheck& check, Action action = Action::Deploy) {
    try {
      (void)plan_steps(check, action, host, "demo", "i-0123456789abcdef0");
    } catch (const SetupError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  KitCheck check{.owner_exists = true,
                 .kit_present = true,
                 .busy = false,
                 .scripts = {kFullKit.begin(), kFullKit.end()}};
  EXPECT_EQ(refusal(check), "accepted");
  EXPECT_EQ(plan_steps(check, Action::Teardown, host, "demo", "i-1").size(), 1U);

  auto c = check;
  c.owner_exists = false;
  EXPECT_TRUE(
      refusal(c).starts_with("user ssm-user, who owns the kit, does not exist on the admin host "
                             "i-0123456789abcdef0; the Daskhub stack puts it there"))
      << refusal(c);
  EXPECT_TRUE(
      refusal(c).ends_with("redeploy the stack: deploy it with: cdk deploy demo/Daskhub -c instance=demo"))
      << refusal(c);
  c = check;
  c.kit_present = false;
  EXPECT_TRUE(
      refusal(c).starts_with("the deploy kit is not on the admin host i-0123456789abcdef0 "
                             "(/home/ssm-user/daskhub); the Daskhub stack puts it there when the host "
                             "starts (its log: /var/log/cloud-init-output.log on the host)"))
      << refusal(c);
  c = check;
  c.busy = true;
  EXPECT_EQ(
      refusal(c),
      "a step of the kit is running on the admin host i-0123456789abcdef0 now (it holds "
      "/home/ssm-user/daskhub/.kit/run.lock); wait for it to end: `heliocloud daskhub demo status` shows its "
      "log");
  c = check;
  c.scripts = {"00-tools.sh", "00-bootstrap.sh", "03-deploy-daskhub.sh", "99-delete-daskhub.sh"};
  EXPECT_TRUE(
      refusal(c).starts_with("the kit on the admin host i-0123456789abcdef0 (/home/ssm-user/daskhub) lacks "
                             "01-deploy-k8s.sh, 02-deploy-daskhub-storage.sh; "))
      << refusal(c);
  c.scripts = {};
  EXPECT_TRUE(refusal(c, Action::Teardown).find("lacks 99-delete-daskhub.sh") != std::string::npos);
}

}  // namespace
}  // namespace heliocloud::daskhub::remote
