// SsmClient's Run Command calls (SendCommand, GetCommandInvocation, CancelCommand) and their values.
#include "aws/ssm_commands.h"

#include <stdexcept>

#include "aws/errors.h"
#include "aws/protocols.h"
#include "aws/ssm.h"
#include "base/text.h"

namespace heliocloud::aws {
namespace {

// The ranges SSM accepts (SendCommand's TimeoutSeconds, AWS-RunShellScript's executionTimeout, Comment).
constexpr std::chrono::seconds kMinDelivery{30};
constexpr std::chrono::seconds kMaxDelivery{2592000};
constexpr std::chrono::seconds kMaxExecution{172800};
constexpr std::size_t kMaxComment = 100;

constexpr std::string_view kOutputMarker = "---Output truncated---";
constexpr std::string_view kErrorMarker = "---Error truncated----";

void check(const SendCommandRequest& r) {
  const auto refuse = [](const std::string& why) { throw std::invalid_argument("SSM SendCommand: " + why); };
  if (r.instance_id.empty()) refuse("no instance id");
  if (r.commands.empty()) refuse("no commands to run");
  if (r.execution_timeout < std::chrono::seconds(1) || r.execution_timeout > kMaxExecution)
    refuse("execution timeout " + std::to_string(r.execution_timeout.count()) +
           " s is not within 1 s to 48 h");
  if (r.delivery_timeout < kMinDelivery || r.delivery_timeout > kMaxDelivery)
    refuse("delivery timeout " + std::to_string(r.delivery_timeout.count()) +
           " s is not within 30 s to 30 days");
  if (utf8_length(r.comment) > kMaxComment) refuse("comment longer than 100 characters: " + r.comment);
}

nlohmann::json request_body(const SendCommandRequest& r) {
  nlohmann::json parameters{{"commands", r.commands},
                            {"executionTimeout", {std::to_string(r.execution_timeout.count())}}};
  if (!r.working_directory.empty()) parameters["workingDirectory"] = {r.working_directory};
  nlohmann::json body{{"DocumentName", r.document_name},
                      {"InstanceIds", {r.instance_id}},
                      {"Parameters", parameters},
                      {"TimeoutSeconds", r.delivery_timeout.count()}};
  if (!r.comment.empty()) body["Comment"] = r.comment;
  if (r.cloudwatch_log_group) {
    body["CloudWatchOutputConfig"] = {{"CloudWatchOutputEnabled", true}};
    if (!r.cloudwatch_log_group->empty())
      body["CloudWatchOutputConfig"]["CloudWatchLogGroupName"] = *r.cloudwatch_log_group;
  }
  return body;
}

std::string text(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// SSM answers InvalidInstanceId for an id that does not exist, but also, and for a host that does exist
// more often, when the node's agent has not registered or is offline: the message says what to check.
template <class Call>
auto explaining_instance_errors(const std::vector<std::string>& instance_ids, Call&& call)
    -> decltype(call()) {
  try {
    return call();
  } catch (const AwsError& e) {
    if (e.code() != "InvalidInstanceId") throw;
    const std::string ids = base::join(instance_ids, ", ");
    ErrorInfo info = e.info();
    info.message =
        "instance " + ids +
        " is not a node SSM can reach: its SSM agent is not registered or not online. Check that "
        "the instance is running, that its role allows SSM (policy AmazonSSMManagedInstanceCore) and "
        "that it reaches the SSM endpoints; `aws ssm describe-instance-information --filters "
        "Key=InstanceIds,Values=" +
        ids +
        "` lists it once it is online (a new instance takes a few minutes). SSM said: " + e.aws_message();
    throw_error(std::move(info));
  }
}

}  // namespace

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++n;  // not a continuation byte
  }
  return n;
}

CommandStatus parse_command_status(std::string_view text) {
  if (text == "Pending") return CommandStatus::Pending;
  if (text == "InProgress") return CommandStatus::InProgress;
  if (text == "Delayed") return CommandStatus::Delayed;
  if (text == "Success") return CommandStatus::Success;
  if (text == "Cancelled") return CommandStatus::Cancelled;
  if (text == "TimedOut") return CommandStatus::TimedOut;
  if (text == "Failed") return CommandStatus::Failed;
  if (text == "Cancelling") return CommandStatus::Cancelling;
  return CommandStatus::Unknown;
}

bool is_terminal(CommandStatus status) {
  return status == CommandStatus::Success || status == CommandStatus::Cancelled ||
         status == CommandStatus::TimedOut || status == CommandStatus::Failed;
}

bool CommandInvocation::output_truncated() const {
  return standard_output.ends_with(kOutputMarker) || utf8_length(standard_output) >= kCommandOutputLimit;
}

bool CommandInvocation::error_truncated() const {
  return standard_error.ends_with(kErrorMarker) || utf8_length(standard_error) >= kCommandErrorLimit;
}

SentCommand SsmClient::send_command(const SendCommandRequest& request) const {
  check(request);
  return explaining_instance_errors({request.instance_id}, [&] {
    const auto resp = json_rpc_call(client_, kTarget, "1.1", "SendCommand", request_body(request), false);
    const auto command = resp.value("Command", nlohmann::json::object());
    SentCommand sent{.command_id = text(command, "CommandId"), .status = text(command, "Status")};
    if (sent.command_id.empty()) throw std::runtime_error("SSM SendCommand: the answer names no CommandId");
    return sent;
  });
}

CommandInvocation SsmClient::get_command_invocation(const std::string& command_id,
                                                    const std::string& instance_id) const {
  return explaining_instance_errors({instance_id}, [&] {
    const auto j = json_rpc_call(client_, kTarget, "1.1", "GetCommandInvocation",
                                 {{"CommandId", command_id}, {"InstanceId", instance_id}}, true);
    CommandInvocation inv;
    inv.command_id = text(j, "CommandId");
    inv.instance_id = text(j, "InstanceId");
    inv.plugin_name = text(j, "PluginName");
    inv.status_text = text(j, "Status");
    inv.status = parse_command_status(inv.status_text);
    inv.status_details = text(j, "StatusDetails");
    if (const auto it = j.find("ResponseCode"); it != j.end() && it->is_number_integer())
      inv.response_code = it->get<int>();
    inv.standard_output = text(j, "StandardOutputContent");
    inv.standard_error = text(j, "StandardErrorContent");
    inv.standard_output_url = text(j, "StandardOutputUrl");
    inv.standard_error_url = text(j, "StandardErrorUrl");
    inv.execution_start = text(j, "ExecutionStartDateTime");
    inv.execution_end = text(j, "ExecutionEndDateTime");
    inv.elapsed = text(j, "ExecutionElapsedTime");
    return inv;
  });
}

void SsmClient::cancel_command(const std::string& command_id,
                               const std::vector<std::string>& instance_ids) const {
  nlohmann::json body{{"CommandId", command_id}};
  if (!instance_ids.empty()) body["InstanceIds"] = instance_ids;
  explaining_instance_errors(
      instance_ids, [&] { return json_rpc_call(client_, kTarget, "1.1", "CancelCommand", body, true); });
}

}  // namespace heliocloud::aws
