// The step table against the kit it runs (rendered with and without monitoring), and --step's reading.
#include "daskhub/remote/steps.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "daskhub/remote/setup_error.h"
#include "kit_test_support.h"

namespace heliocloud::daskhub::remote {
namespace {

std::vector<std::string> step_scripts_of(const std::vector<KitFile>& kit) {
  std::vector<std::string> out;
  const std::regex step(R"([0-9][0-9]-[a-z0-9-]+\.sh)");
  for (const auto& f : kit) {
    if (std::regex_match(f.path, step)) out.push_back(f.path);
  }
  return out;
}

std::vector<std::string> table_scripts(bool with_optional) {
  std::vector<std::string> out;
  for (const Step& s : kSteps) {
    if (with_optional || !s.optional) out.push_back(s.script());
  }
  std::ranges::sort(out);
  return out;
}

TEST(KitSteps, TheTableIsTheRenderedKitsSteps) {
  // A renamed, added or removed script fails here rather than on the admin host.
  const auto full = render_kit(daskhub::testing::load("full", daskhub::testing::kFullInstance));
  EXPECT_EQ(step_scripts_of(full), table_scripts(true));
  const auto minimal = render_kit(daskhub::testing::load("minimal", daskhub::testing::kMinimalInstance));
  EXPECT_EQ(step_scripts_of(minimal), table_scripts(false));  // 04 only with enabled.daskhub_metrics
  for (const auto& f : full) {
    if (f.path == "00-tools.sh") {
      EXPECT_NE(f.content.find("Runs as root"), std::string::npos);
    }
  }
}

TEST(KitSteps, DeployAndTeardownTakeTheirStepsInOrder) {
  std::vector<std::string> deploy;
  for (const Step* s : steps_of(Action::Deploy)) deploy.emplace_back(s->name);
  EXPECT_EQ(deploy, (std::vector<std::string>{"00-tools", "00-bootstrap", "01-deploy-k8s",
                                              "02-deploy-daskhub-storage", "03-deploy-daskhub",
                                              "04-deploy-monitoring"}));
  ASSERT_EQ(steps_of(Action::Teardown).size(), 1U);
  EXPECT_EQ(steps_of(Action::Teardown)[0]->name, "99-delete-daskhub");
  EXPECT_TRUE(steps_of(Action::Status).empty());
  for (const Step& s : kSteps) EXPECT_EQ(s.as_root, s.name == "00-tools") << s.name;
  EXPECT_EQ(find_step("03", Action::Deploy).timeout, std::chrono::minutes(45));  // helm waits 30m30s
}

TEST(KitSteps, AStepIsNamedByNameScriptOrNumber) {
  for (const char* token : {"03-deploy-daskhub", "03-deploy-daskhub.sh", "03", "3"})
    EXPECT_EQ(find_step(token, Action::Deploy).name, "03-deploy-daskhub") << token;
  EXPECT_EQ(find_step("00-tools", Action::Deploy).name, "00-tools");
  EXPECT_EQ(find_step("00-bootstrap.sh", Action::Deploy).name, "00-bootstrap");
  EXPECT_EQ(find_step("99", Action::Teardown).name, "99-delete-daskhub");
}

std::string refusal(const std::string& token, Action action) {
  try {
    (void)find_step(token, action);
  } catch (const SetupError& e) {
    return e.what();
  }
  return "accepted";
}

TEST(KitSteps, UnknownAmbiguousAndMisplacedStepsAreExplained) {
  EXPECT_EQ(refusal("0", Action::Deploy),
            "--step 0 is ambiguous: it could be 00-tools, 00-bootstrap; give the step's name");
  EXPECT_EQ(refusal("05", Action::Deploy),
            "--step 05 is not a step of the Daskhub kit; deploy has: 00-tools, 00-bootstrap, 01-deploy-k8s, "
            "02-deploy-daskhub-storage, 03-deploy-daskhub, 04-deploy-monitoring (a name, its script, or its "
            "number)");
  EXPECT_EQ(refusal("", Action::Deploy).substr(0, 40), "--step  is not a step of the Daskhub kit");
  EXPECT_EQ(refusal("3x", Action::Deploy).substr(0, 42), "--step 3x is not a step of the Daskhub kit");
  EXPECT_EQ(refusal("-3", Action::Deploy).substr(0, 42), "--step -3 is not a step of the Daskhub kit");
  EXPECT_EQ(refusal("deploy-daskhub", Action::Deploy).substr(0, 20), "--step deploy-daskhu");
  EXPECT_EQ(
      refusal("99", Action::Deploy),
      "99-delete-daskhub is a step of teardown, not of deploy: run `heliocloud daskhub <instance> teardown "
      "--step 99`");
  EXPECT_EQ(
      refusal("01", Action::Teardown),
      "01-deploy-k8s is a step of deploy, not of teardown: run `heliocloud daskhub <instance> deploy --step "
      "01`");
  EXPECT_EQ(refusal("01", Action::Status), "--step applies to deploy and teardown, not to status");
}

}  // namespace
}  // namespace heliocloud::daskhub::remote
