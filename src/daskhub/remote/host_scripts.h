#pragma once
// The shell scripts `heliocloud daskhub` sends to the admin host (SSM runs them with /bin/sh as root), and
// the parsing of what the read-only ones print. Every value in them is one quoted shell word.
//
// A step runs as the kit's owner in the kit's directory (00-tools as root), under a lock so two runs never
// overlap, with its stdout and stderr together teed into a log file under .kit/logs: the runner follows
// that file while the step runs (SSM only returns output once a command has ended, and at most 24,000
// characters of it), and `status` shows the end of the latest one.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daskhub/remote/steps.h"

namespace heliocloud::daskhub::remote {

// Where the kit is on the host and whose it is (contracts/daskhub.h); tests run the scripts here with their
// own.
struct HostLayout {
  std::string kit_directory;
  std::string owner;

  [[nodiscard]] static HostLayout admin_host();  // kKitDirectory, kKitOwner
  [[nodiscard]] std::string logs_directory() const;
  [[nodiscard]] std::string lock_file() const;
};

// Exit statuses of a step's wrapper when the step cannot start (sysexits.h's meanings).
inline constexpr int kExitNoScript = 66;  // the step's script is not in the kit on the host
inline constexpr int kExitNoOwner = 67;   // the kit's owner does not exist there
inline constexpr int kExitNoLog = 73;     // the log file cannot be created
inline constexpr int kExitBusy = 75;      // another step holds the lock
inline constexpr int kExitNoTool = 69;    // runuser is missing

// <kit>/.kit/logs/<step>-<UTC time>.log
[[nodiscard]] std::string log_path(const HostLayout& host, const Step& step,
                                   std::chrono::system_clock::time_point started);

// Runs the step and exits with its status.
[[nodiscard]] std::vector<std::string> step_script(const HostLayout& host, const Step& step,
                                                   const std::string& log_file);

// Read-only: whether the owner and the kit exist, the kit's step scripts, whether a step is running.
[[nodiscard]] std::vector<std::string> kit_check_script(const HostLayout& host);

struct KitCheck {
  bool owner_exists = false;
  bool kit_present = false;
  bool busy = false;                 // a step holds the lock
  std::vector<std::string> scripts;  // "00-tools.sh", ...

  [[nodiscard]] bool has(std::string_view script) const;
};

// nullopt when `output` is not what kit_check_script prints (an empty or foreign answer).
[[nodiscard]] std::optional<KitCheck> parse_kit_check(std::string_view output);

// Read-only report for an operator: the kit and its bootstrap, tool versions, a running step, the cluster,
// its nodes, the hub's and monitoring's helm releases and pods, the hub's address, and the last
// `log_lines` lines of the latest step log. Runs as the owner, whose kubeconfig the steps wrote.
[[nodiscard]] std::vector<std::string> status_script(const HostLayout& host, int log_lines);

}  // namespace heliocloud::daskhub::remote
