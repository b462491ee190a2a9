#pragma once
// Runs a script on the admin host through SSM Run Command and follows it to its end: SendCommand, then
// GetCommandInvocation at growing intervals (base/backoff.h) until the status is final, printing the
// command's output as it grows (from its log file on the host, see log_follower.h) and one line on how it
// ended. Ctrl-C cancels the command on the host.
#include <chrono>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "aws/ssm.h"
#include "base/backoff.h"
#include "daskhub/remote/log_follower.h"

namespace heliocloud::daskhub::remote {

struct RunnerOptions {
  // Between looks at a running command: the wait grows from base to cap while nothing new arrives, and
  // starts again from base when output does.
  base::Backoff poll{.base = std::chrono::seconds(2), .cap = std::chrono::seconds(15)};
  // Between looks at a short command (a log read, a check), which ends within a second or two.
  base::Backoff short_poll{.base = std::chrono::milliseconds(250), .cap = std::chrono::seconds(2)};
  std::chrono::seconds short_timeout{90};  // a short command still unfinished after this is given up
  // SSM records an invocation a moment after SendCommand: InvocationDoesNotExist is normal for this long.
  std::chrono::seconds appear_timeout{60};
  // SendCommand's TimeoutSeconds: a host that has not taken the command by then never runs it (a step must
  // not start by surprise much later).
  std::chrono::seconds delivery_timeout{120};
  std::chrono::seconds cancel_wait{60};        // after Ctrl-C, how long to wait for the host to confirm
  std::function<int()> interrupts;             // how many times Ctrl-C was pressed so far; empty: never
  std::ostream* out = &std::cout;              // the remote command's output
  std::ostream* err = &std::cerr;              // our progress lines
  std::string comment = "heliocloud daskhub";  // prefix of the commands' comment in SSM's history
  std::string status_hint;  // how to see the host's state, e.g. "heliocloud daskhub x status"
};

struct HostCommand {
  std::string label;  // "03-deploy-daskhub", "status": in messages and the command's comment
  std::vector<std::string> script;
  std::chrono::seconds timeout{600};  // the agent stops the script after this long
  std::optional<std::string>
      log_file;  // where the script tees its output on the host: followed while it runs
};

struct HostOutcome {
  aws::CommandInvocation invocation;
  int exit_code = 1;  // exit_code_of(invocation), 130 when interrupted, 1 when given up
  bool interrupted = false;
};

// The exit status a command's end stands for: 0 for Success, the script's own status for Failed (1 when it
// has none), 124 for TimedOut (as timeout(1)), 130 for Cancelled (as Ctrl-C), 1 for anything else.
[[nodiscard]] int exit_code_of(const aws::CommandInvocation& invocation);

// One line on how it ended, with what SSM's status details mean (an offline agent, a killed script...).
[[nodiscard]] std::string describe_end(const HostCommand& command, const aws::CommandInvocation& invocation,
                                       std::chrono::seconds took);

class HostRunner {
 public:
  HostRunner(const aws::SsmClient& ssm, std::string instance_id, RunnerOptions options = {});

  // Runs the command and follows it, printing its output (only what is new each time) and how it ended.
  HostOutcome run(const HostCommand& command);
  // Runs a short read-only command and returns its last look, final unless it did not end in time or Ctrl-C
  // was pressed; prints nothing.
  aws::CommandInvocation query(const HostCommand& command);

  [[nodiscard]] const std::string& instance_id() const noexcept { return instance_id_; }
  // Ctrl-C was pressed and not yet acted on (run() acts on it by cancelling; query() only stops waiting).
  [[nodiscard]] bool interrupted() const;

 private:
  using Clock = std::chrono::steady_clock;

  std::string send(const HostCommand& command);
  std::optional<aws::CommandInvocation> look(const std::string& command_id, Clock::time_point sent) const;
  aws::CommandInvocation wait_short(const std::string& command_id, Clock::time_point deadline);
  std::optional<std::string> read_chunk(const std::string& label, LogFollower& log);
  bool follow(const std::string& label, LogFollower& log, bool to_the_end);
  void print_captured(const HostCommand& command, const aws::CommandInvocation& inv, OutputDelta& delta);
  HostOutcome cancel(const HostCommand& command, const std::string& command_id, Clock::time_point sent,
                     std::optional<LogFollower>& log);
  bool following(const std::optional<LogFollower>& log) const;
  bool pause(std::chrono::milliseconds delay) const;

  const aws::SsmClient& ssm_;
  std::string instance_id_;
  RunnerOptions options_;
  int interrupts_seen_ = 0;  // Ctrl-Cs already acted on
  int failed_reads_ = 0;     // log reads in a row that returned nothing usable
};

}  // namespace heliocloud::daskhub::remote
