#include "portal/machine_list.h"

#include <algorithm>

#include "portal/limits.h"

namespace heliocloud::portal {
namespace {

// EC2 writes launch times in one ISO 8601 form (UTC, "2026-12-02T08:00:00.000Z"), so text order is time
// order.
void newest_first(std::vector<aws::Instance>& list) {
  std::ranges::stable_sort(
      list, [](const aws::Instance& a, const aws::Instance& b) { return a.launch_time > b.launch_time; });
}

}  // namespace

bool is_running(const aws::Instance& machine) {
  return machine.state == "running" || machine.state == "pending";
}

bool is_stopped(const aws::Instance& machine) {
  return machine.state == "stopped" || machine.state == "stopping";
}

MachineList split_machines(std::vector<aws::Instance> machines) {
  MachineList out;
  for (auto& m : machines) {
    if (is_running(m)) {
      out.running.push_back(std::move(m));
    } else if (is_stopped(m)) {
      out.stopped.push_back(std::move(m));
    }
  }
  newest_first(out.running);
  newest_first(out.stopped);
  if (out.stopped.size() > static_cast<std::size_t>(kStoppedMachinesShown))
    out.stopped.resize(kStoppedMachinesShown);
  return out;
}

int count_running(const std::vector<aws::Instance>& machines) {
  return static_cast<int>(std::count_if(machines.begin(), machines.end(), is_running));
}

}  // namespace heliocloud::portal
