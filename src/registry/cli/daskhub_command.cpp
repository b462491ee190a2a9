#include "registry/cli/daskhub_command.h"

#include <atomic>
#include <csignal>
#include <iostream>

#include "aws/cloudformation.h"
#include "aws/errors.h"
#include "aws/ssm.h"
#include "daskhub/remote/admin_host.h"
#include "daskhub/remote/kit_actions.h"
#include "daskhub/remote/steps.h"
#include "registry/cli/instance_settings.h"
#include "registry/cli/usage_error.h"

namespace heliocloud::registry::cli {
namespace {

namespace remote = daskhub::remote;

std::atomic<int> interrupts{0};  // Ctrl-C presses while a step runs

void count_interrupt(int /*signal*/) {
  interrupts.fetch_add(1);
}

// While a step runs, Ctrl-C cancels it on the host instead of leaving it running unseen; before and after,
// Ctrl-C keeps its usual meaning.
class InterruptCounter {
 public:
  InterruptCounter() : previous_(std::signal(SIGINT, count_interrupt)) {}
  ~InterruptCounter() { std::signal(SIGINT, previous_); }
  InterruptCounter(const InterruptCounter&) = delete;
  InterruptCounter& operator=(const InterruptCounter&) = delete;

 private:
  void (*previous_)(int);
};

remote::Action action_of(const std::string& name) {
  if (name == "deploy") return remote::Action::Deploy;
  if (name == "teardown") return remote::Action::Teardown;
  return remote::Action::Status;
}

}  // namespace

CLI::App* add_daskhub_command(CLI::App& app, DaskhubFlags& f) {
  auto* cmd = app.add_subcommand(
      "daskhub",
      "Run the Daskhub deploy kit on the instance's admin host through SSM: deploy (00-tools as root, "
      "00-bootstrap, 01..04), teardown (99), or status");
  f.instance_dir = default_instance_dir();
  cmd->add_option("instance", f.instance,
                  "The instance (instance/<name>.yaml); its Daskhub stack names the host")
      ->required();
  cmd->add_option(
         "action", f.action,
         "deploy: every deploy step in order, stopping at the first failure; teardown: "
         "99-delete-daskhub; status: a read-only report (tools, cluster, hub, pods, latest step log)")
      ->required()
      ->check(CLI::IsMember({"deploy", "status", "teardown"}));
  cmd->add_option(
      "--step", f.step,
      "Only this step of deploy or teardown: its name (03-deploy-daskhub), script or number (03)");
  cmd->add_option("--region", f.region,
                  "AWS region of the instance (default: its env.region, else AWS_REGION)");
  cmd->add_option("--instance-dir", f.instance_dir, "Directory of the instance files")->capture_default_str();
  cmd->add_option("--lines", f.log_lines, "status: how many lines of the latest step log to show")
      ->check(CLI::Range(0, 10000))
      ->capture_default_str();
  cmd->footer(
      "The output of the steps goes to stdout, progress to stderr. Credentials and endpoint as for every "
      "AWS tool: AWS_PROFILE, AWS_ACCESS_KEY_ID..., AWS_ENDPOINT_URL. Exit status: 0, the failed step's own, "
      "124 when a step ran past its limit, 130 when interrupted (Ctrl-C cancels the running step on the "
      "host), 2 when something must be fixed first.");
  return cmd;
}

int run_daskhub(const DaskhubFlags& f) {
  // A wrong --step is refused before anything is looked up in AWS.
  const auto action = action_of(f.action);
  if (f.step && action == remote::Action::Status)
    throw UsageError("--step applies to deploy and teardown, not to status");
  if (f.step) (void)remote::find_step(*f.step, action);
  const auto instance = load_instance(f.instance_dir, f.instance);
  if (!instance.enabled.daskhub) {
    throw UsageError(instance.source_file + ": enabled.daskhub is false, so instance " + f.instance +
                     " has no Daskhub; set it to true and deploy " + f.instance + "/Daskhub");
  }
  auto config = aws::ClientConfig::from_environment();
  config.region = region_for(f.region, instance);
  if (config.region.empty()) {
    throw UsageError("no AWS region for instance " + f.instance + ": set env.region in " +
                     instance.source_file + ", pass --region, or set AWS_REGION");
  }
  const auto host = remote::find_admin_host(aws::CloudFormationClient(config), f.instance, config.region);
  std::cerr << "Daskhub admin host " << host.instance_id << " (stack " << host.stack_name << ", "
            << config.region << ")\n";

  const aws::SsmClient ssm(config);
  remote::RunnerOptions options;
  options.comment = "heliocloud daskhub " + f.instance;
  options.status_hint = "heliocloud daskhub " + f.instance + " status";
  options.interrupts = [] { return interrupts.load(); };
  const InterruptCounter counting;
  remote::HostRunner runner(ssm, host.instance_id, options);
  try {
    return remote::run_kit_action(
        runner, remote::HostLayout::admin_host(),
        {.instance = f.instance, .action = action, .step = f.step, .log_lines = f.log_lines}, std::cerr);
  } catch (const aws::AwsError& e) {
    // The host's agent is not registered or offline (the message says what to check): fix that first.
    if (e.code() == "InvalidInstanceId") throw UsageError(e.what());
    throw;
  }
}

}  // namespace heliocloud::registry::cli
