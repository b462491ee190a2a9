#pragma once
// The home page's two lists (webapps doc §A4.1): running and pending machines, newest start first, all of
// them; stopped and stopping ones, newest first, only the last five. Terminated machines are not shown.
#include <vector>

#include "aws/ec2.h"

namespace heliocloud::portal {

struct MachineList {
  std::vector<aws::Instance> running;
  std::vector<aws::Instance> stopped;
};

[[nodiscard]] MachineList split_machines(std::vector<aws::Instance> machines);

// Running + pending: what counts against kMaxRunningMachines.
[[nodiscard]] int count_running(const std::vector<aws::Instance>& machines);

[[nodiscard]] bool is_running(const aws::Instance& machine);
[[nodiscard]] bool is_stopped(const aws::Instance& machine);

}  // namespace heliocloud::portal
