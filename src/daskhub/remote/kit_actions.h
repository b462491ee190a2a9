#pragma once
// What `heliocloud daskhub <instance> deploy|status|teardown [--step N]` does on the admin host:
//   deploy    checks the kit on the host, then runs 00-tools (as root), 00-bootstrap, 01, 02, 03 and 04 (when
//             the kit has it) in order, stopping at the first that fails
//   teardown  checks the kit, then runs 99-delete-daskhub
//   status    a read-only report (status_script in host_scripts.h)
//   --step N  runs that one step of deploy or teardown
#include <iosfwd>
#include <optional>
#include <string>

#include "daskhub/remote/host_runner.h"
#include "daskhub/remote/host_scripts.h"
#include "daskhub/remote/steps.h"

namespace heliocloud::daskhub::remote {

struct KitRequest {
  std::string instance;  // for the hints in messages
  Action action = Action::Status;
  std::optional<std::string> step;  // --step
  int log_lines = 20;               // status: lines of the latest step log
};

// The deploy or teardown steps this kit has: the optional ones only when present. Throws SetupError when
// the kit or its owner is missing, a step is running, or a required script is absent.
[[nodiscard]] std::vector<const Step*> plan_steps(const KitCheck& check, Action action,
                                                  const HostLayout& host, const std::string& instance,
                                                  const std::string& instance_id);

// Returns the exit status: 0 when everything ran, else the failed step's (see exit_code_of). Throws
// SetupError for what must be fixed first.
int run_kit_action(HostRunner& runner, const HostLayout& host, const KitRequest& request, std::ostream& err);

}  // namespace heliocloud::daskhub::remote
