#include "daskhub/remote/kit_actions.h"

#include <ostream>

#include "base/text.h"
#include "contracts/stack_names.h"
#include "daskhub/remote/setup_error.h"
#include "deployed/instance_stack.h"

namespace heliocloud::daskhub::remote {
namespace {

// The kit check and the status report read a few files and ask kubectl and helm; minutes are plenty.
constexpr std::chrono::seconds kCheckTimeout{60};
constexpr std::chrono::seconds kStatusTimeout{300};

std::string where_the_kit_comes_from(const std::string& instance) {
  return "the Daskhub stack puts it there when the host starts (its log: /var/log/cloud-init-output.log on "
         "the host); if it is not there, redeploy the stack: " +
         deployed::deploy_hint(instance, contracts::stacks::kDaskhub);
}

KitCheck check_kit(const aws::CommandInvocation& inv, const std::string& instance_id) {
  const std::string on = " on the admin host " + instance_id;
  if (!aws::is_terminal(inv.status)) {
    throw SetupError(
        "the kit check" + on + " did not end (SSM status " + inv.status_text +
        "): is the host running and its SSM agent online? `aws ssm describe-instance-information` "
        "lists the nodes SSM reaches");
  }
  if (inv.status != aws::CommandStatus::Success) {
    throw SetupError("the kit check failed" + on + " (SSM status " + inv.status_text +
                     (inv.status_details.empty() ? "" : ", " + inv.status_details) + ")" +
                     (inv.standard_error.empty() ? "" : ": " + std::string(base::trim(inv.standard_error))));
  }
  auto check = parse_kit_check(inv.standard_output);
  if (!check) {
    const auto answer = inv.standard_output.substr(0, 200);
    throw SetupError("the kit check" + on + " answered " +
                     (answer.empty() ? std::string("nothing") : "\"" + answer + "\"") +
                     " instead of the kit's state: the host did not run the check as sent");
  }
  return *check;
}

int run_steps(HostRunner& runner, const HostLayout& host, const KitRequest& request,
              const std::vector<const Step*>& plan, std::ostream& err) {
  const auto action = std::string(action_name(request.action));
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const Step& step = *plan[i];
    err << "== " << action << " step " << i + 1 << "/" << plan.size() << ": " << step.name << ": "
        << step.what << (step.as_root ? " (as root)" : "") << "\n";
    const auto log = log_path(host, step, std::chrono::system_clock::now());
    const auto outcome = runner.run({.label = std::string(step.name),
                                     .script = step_script(host, step, log),
                                     .timeout = step.timeout,
                                     .log_file = log});
    if (outcome.exit_code == 0) continue;
    if (!outcome.interrupted) {
      err << "== " << action << " stopped at " << step.name << "; its log stays on the host: " << log
          << "\n   Fix the cause, then run `heliocloud daskhub " << request.instance << " " << action
          << "` again (every step can be run again), or only this step: `heliocloud daskhub "
          << request.instance << " " << action << " --step " << step.name << "`\n";
    }
    return outcome.exit_code;
  }
  std::vector<std::string> names;
  names.reserve(plan.size());
  for (const Step* s : plan) names.emplace_back(s->name);
  err << "== " << action << " finished: " << base::join(names, ", ") << "\n";
  if (request.action == Action::Deploy && !request.step) {
    err << "   Next: create the hub's users in the instance's Cognito user pool; JupyterHub's admins are "
           "daskhub.daskhub.admin_users. `heliocloud daskhub "
        << request.instance << " status` shows the hub's address and pods.\n";
  }
  return 0;
}

}  // namespace

std::vector<const Step*> plan_steps(const KitCheck& check, Action action, const HostLayout& host,
                                    const std::string& instance, const std::string& instance_id) {
  const std::string on = " on the admin host " + instance_id;
  if (!check.owner_exists) {
    throw SetupError("user " + host.owner + ", who owns the kit, does not exist" + on + "; " +
                     where_the_kit_comes_from(instance));
  }
  if (!check.kit_present) {
    throw SetupError("the deploy kit is not" + on + " (" + host.kit_directory + "); " +
                     where_the_kit_comes_from(instance));
  }
  if (check.busy) {
    throw SetupError("a step of the kit is running" + on + " now (it holds " + host.lock_file() +
                     "); wait for it to end: `heliocloud daskhub " + instance + " status` shows its log");
  }
  std::vector<const Step*> plan;
  std::vector<std::string> missing;
  for (const Step* step : steps_of(action)) {
    if (check.has(step->script())) {
      plan.push_back(step);
    } else if (!step->optional) {
      missing.push_back(step->script());
    }
  }
  if (!missing.empty()) {
    throw SetupError("the kit" + on + " (" + host.kit_directory + ") lacks " + base::join(missing, ", ") +
                     "; " + where_the_kit_comes_from(instance));
  }
  return plan;
}

int run_kit_action(HostRunner& runner, const HostLayout& host, const KitRequest& request, std::ostream& err) {
  if (request.action == Action::Status) {
    if (request.step) throw SetupError("--step applies to deploy and teardown, not to status");
    return runner
        .run({.label = "status",
              .script = status_script(host, request.log_lines),
              .timeout = kStatusTimeout,
              .log_file = std::nullopt})
        .exit_code;
  }
  // One step: its wrapper on the host says plainly when the script is not there (exit 66).
  if (request.step) return run_steps(runner, host, request, {&find_step(*request.step, request.action)}, err);
  const auto answer = runner.query({.label = "kit check",
                                    .script = kit_check_script(host),
                                    .timeout = kCheckTimeout,
                                    .log_file = std::nullopt});
  if (runner.interrupted()) {
    err << "== " << action_name(request.action) << " interrupted before any step ran\n";
    return 130;
  }
  const auto check = check_kit(answer, runner.instance_id());
  return run_steps(runner, host, request,
                   plan_steps(check, request.action, host, request.instance, runner.instance_id()), err);
}

}  // namespace heliocloud::daskhub::remote
