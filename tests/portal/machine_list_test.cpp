#include "portal/machine_list.h"

#include <gtest/gtest.h>

using heliocloud::aws::Instance;
using heliocloud::portal::count_running;
using heliocloud::portal::split_machines;

namespace {

Instance machine(std::string id, std::string state, std::string launched) {
  Instance m;
  m.instance_id = std::move(id);
  m.state = std::move(state);
  m.launch_time = std::move(launched);
  return m;
}

std::vector<std::string> ids(const std::vector<Instance>& list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const auto& m : list) out.push_back(m.instance_id);
  return out;
}

}  // namespace

TEST(SplitMachines, RunningAndPendingNewestFirst) {
  const auto lists = split_machines({machine("a", "running", "2026-12-01T08:00:00.000Z"),
                                     machine("b", "pending", "2026-12-02T08:00:00.000Z"),
                                     machine("c", "running", "2026-11-30T08:00:00.000Z"),
                                     machine("t", "terminated", "2026-12-02T09:00:00.000Z"),
                                     machine("s", "shutting-down", "2026-12-02T09:00:00.000Z")});
  EXPECT_EQ(ids(lists.running), (std::vector<std::string>{"b", "a", "c"}));
  EXPECT_TRUE(lists.stopped.empty());
}

TEST(SplitMachines, OnlyTheLastFiveStopped) {
  std::vector<Instance> all;
  for (int day = 1; day <= 7; ++day)
    all.push_back(machine("s" + std::to_string(day), ((day % 2) != 0) ? "stopped" : "stopping",
                          "2026-11-0" + std::to_string(day) + "T00:00:00.000Z"));
  const auto lists = split_machines(all);
  EXPECT_EQ(ids(lists.stopped), (std::vector<std::string>{"s7", "s6", "s5", "s4", "s3"}));
}

TEST(CountRunning, CountsRunningAndPendingOnly) {
  EXPECT_EQ(count_running({machine("a", "running", ""), machine("b", "pending", ""),
                           machine("c", "stopped", ""), machine("d", "stopping", "")}),
            2);
}
