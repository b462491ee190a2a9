#pragma once
// SSM Run Command's values: what SendCommand takes and what GetCommandInvocation answers. The calls are
// SsmClient's (ssm.h); this header keeps their types out of the Parameter Store part.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heliocloud::aws {

// GetCommandInvocation returns at most the first 24,000 characters of a command's stdout and 8,000 of its
// stderr (the full text only goes to S3 or CloudWatch Logs when asked for), and only once the command has
// ended: while it runs, both are empty.
inline constexpr std::size_t kCommandOutputLimit = 24000;
inline constexpr std::size_t kCommandErrorLimit = 8000;

struct SendCommandRequest {
  std::string instance_id;
  // AWS-RunShellScript's lines: the agent writes them into one script and runs it with /bin/sh as root.
  std::vector<std::string> commands;
  std::string document_name = "AWS-RunShellScript";
  std::string working_directory;  // empty: the agent's own directory for the command
  // The document's executionTimeout: the agent kills the script after this long (1 s to 48 h).
  std::chrono::seconds execution_timeout{3600};
  // TimeoutSeconds: how long SSM keeps trying to deliver the command to an unreachable node (30 s to 30
  // days); a command that has not started by then never runs.
  std::chrono::seconds delivery_timeout{600};
  std::string comment;  // at most 100 characters; shown in the console's command history
  // CloudWatchOutputConfig: also send the complete output to CloudWatch Logs, into this group (empty:
  // SSM's default, /aws/ssm/<document name>). The node's role must allow writing it.
  std::optional<std::string> cloudwatch_log_group;
};

struct SentCommand {
  std::string command_id;
  std::string status;  // "Pending" as a rule
};

enum class CommandStatus {
  Pending,
  InProgress,
  Delayed,
  Success,
  Cancelled,
  TimedOut,
  Failed,
  Cancelling,
  Unknown
};

[[nodiscard]] CommandStatus parse_command_status(std::string_view text);
// Success, Cancelled, TimedOut and Failed: the invocation will not change any more.
[[nodiscard]] bool is_terminal(CommandStatus status);

struct CommandInvocation {
  std::string command_id;
  std::string instance_id;
  std::string plugin_name;  // aws:runShellScript
  CommandStatus status = CommandStatus::Unknown;
  std::string status_text;          // Status as sent
  std::string status_details;       // e.g. DeliveryTimedOut, ExecutionTimedOut, Undeliverable, Terminated
  int response_code = -1;           // the script's exit status; -1 while it has not run
  std::string standard_output;      // the first kCommandOutputLimit characters (see above)
  std::string standard_error;       // the first kCommandErrorLimit characters
  std::string standard_output_url;  // S3, when the command sent its output there
  std::string standard_error_url;
  std::string execution_start;  // ISO 8601 as sent; empty until it starts
  std::string execution_end;
  std::string elapsed;  // ISO 8601 duration, e.g. PT1M3.2S

  // Whether SSM cut the text: the agent ends a cut stdout with "---Output truncated---" and stderr with
  // "---Error truncated----"; without the marker, a text at the limit counts as cut too.
  [[nodiscard]] bool output_truncated() const;
  [[nodiscard]] bool error_truncated() const;
};

// Characters of UTF-8 text (code points), which is how SSM counts its limits.
[[nodiscard]] std::size_t utf8_length(std::string_view text);

}  // namespace heliocloud::aws
