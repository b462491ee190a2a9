#include "daskhub/remote/host_runner.h"

#include <algorithm>
#include <stdexcept>
#include <thread>

#include "aws/errors.h"

namespace heliocloud::daskhub::remote {
namespace {

using std::chrono::duration_cast;
using std::chrono::milliseconds;
using std::chrono::seconds;

// Past its delivery and execution timeouts SSM has ended a command; this is our margin over its clock.
constexpr std::chrono::minutes kGrace{5};
constexpr int kReadsPerLook = 8;       // while a step runs, catch up by at most 120 KB per look
constexpr int kFinalReads = 2000;      // at its end, up to 30 MB
constexpr int kFailedReadsToStop = 3;  // then the output comes from SSM's copy, when the step ends
constexpr std::size_t kMaxComment = 100;

std::string duration_text(seconds s) {
  const auto h = s.count() / 3600;
  const auto m = (s.count() % 3600) / 60;
  const auto sec = s.count() % 60;
  const auto two = [](long long v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  if (h > 0) return std::to_string(h) + "h" + two(m) + "m";
  if (m > 0) return std::to_string(m) + "m" + two(sec) + "s";
  return std::to_string(sec) + "s";
}

// SSM refuses a comment over 100 characters; ours are ASCII but for the instance's name.
std::string comment_for(std::string text) {
  if (text.size() <= kMaxComment) return text;
  text.resize(kMaxComment);
  while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0x80U) != 0) text.pop_back();
  return text;
}

}  // namespace

int exit_code_of(const aws::CommandInvocation& invocation) {
  switch (invocation.status) {
    case aws::CommandStatus::Success:
      return 0;
    case aws::CommandStatus::Failed:
      return invocation.response_code > 0 && invocation.response_code < 256 ? invocation.response_code : 1;
    case aws::CommandStatus::TimedOut:
      return 124;
    case aws::CommandStatus::Cancelled:
      return 130;
    default:
      return 1;
  }
}

std::string describe_end(const HostCommand& command, const aws::CommandInvocation& inv, seconds took) {
  const std::string head = "[" + command.label + "] ";
  const std::string& details = inv.status_details;
  switch (inv.status) {
    case aws::CommandStatus::Success:
      return head + "done in " + duration_text(took);
    case aws::CommandStatus::Failed:
      if (details == "Undeliverable") {
        return head +
               "FAILED: SSM could not deliver the command (Undeliverable: the instance is gone, or its "
               "agent cannot take commands)";
      }
      if (details == "Terminated") {
        return head +
               "FAILED: the host ended the command (Terminated: it rebooted or shut down, or its SSM "
               "agent restarted)";
      }
      return head + "FAILED with exit status " + std::to_string(exit_code_of(inv)) + " after " +
             duration_text(took);
    case aws::CommandStatus::TimedOut:
      if (details == "DeliveryTimedOut") {
        return head +
               "NOT RUN: the host did not take the command in time (DeliveryTimedOut: is its SSM agent "
               "online?)";
      }
      return head + "TIMED OUT: it ran longer than its limit of " + duration_text(command.timeout) +
             " and the SSM agent stopped it";
    case aws::CommandStatus::Cancelled:
      return head + "cancelled after " + duration_text(took);
    default:
      return head + "ended as " + inv.status_text + (details.empty() ? "" : " (" + details + ")");
  }
}

HostRunner::HostRunner(const aws::SsmClient& ssm, std::string instance_id, RunnerOptions options)
    : ssm_(ssm), instance_id_(std::move(instance_id)), options_(std::move(options)) {}

std::string HostRunner::send(const HostCommand& command) {
  aws::SendCommandRequest request;
  request.instance_id = instance_id_;
  request.commands = command.script;
  request.execution_timeout = command.timeout;
  request.delivery_timeout = options_.delivery_timeout;
  request.comment = comment_for(options_.comment + ": " + command.label);
  return ssm_.send_command(request).command_id;
}

std::optional<aws::CommandInvocation> HostRunner::look(const std::string& command_id,
                                                       Clock::time_point sent) const {
  try {
    return ssm_.get_command_invocation(command_id, instance_id_);
  } catch (const aws::NotFoundError&) {
    if (Clock::now() - sent < options_.appear_timeout) return std::nullopt;  // not recorded yet
    throw;
  }
}

bool HostRunner::interrupted() const {
  return options_.interrupts && options_.interrupts() > interrupts_seen_;
}

bool HostRunner::pause(milliseconds delay) const {
  const auto until = Clock::now() + delay;
  for (;;) {
    if (interrupted()) return false;
    const auto left = until - Clock::now();
    if (left <= Clock::duration::zero()) return true;
    std::this_thread::sleep_for(std::min<Clock::duration>(left, milliseconds(100)));
  }
}

aws::CommandInvocation HostRunner::wait_short(const std::string& command_id, Clock::time_point deadline) {
  const auto sent = Clock::now();
  aws::CommandInvocation last;
  last.status_text = "Pending";
  last.status = aws::CommandStatus::Pending;
  for (int n = 1; Clock::now() < deadline; ++n) {
    if (!pause(base::backoff_ceiling(options_.short_poll, n))) break;
    if (auto looked = look(command_id, sent)) {
      last = std::move(*looked);
      if (aws::is_terminal(last.status)) break;
    }
  }
  return last;
}

aws::CommandInvocation HostRunner::query(const HostCommand& command) {
  const auto id = send(command);
  return wait_short(id, Clock::now() + options_.delivery_timeout + command.timeout);
}

std::optional<std::string> HostRunner::read_chunk(const std::string& label, LogFollower& log) {
  const HostCommand read{
      .label = label + " log", .script = log.read_script(), .timeout = seconds(60), .log_file = std::nullopt};
  try {
    const auto inv = wait_short(send(read), Clock::now() + options_.short_timeout);
    if (inv.status != aws::CommandStatus::Success) return std::nullopt;
    return log.take(inv.standard_output);
  } catch (const aws::AwsError& e) {
    if (failed_reads_ + 1 >= kFailedReadsToStop) *options_.err << "[" << label << "] " << e.what() << "\n";
    return std::nullopt;
  }
}

bool HostRunner::following(const std::optional<LogFollower>& log) const {
  return log.has_value() && failed_reads_ < kFailedReadsToStop;
}

bool HostRunner::follow(const std::string& label, LogFollower& log, bool to_the_end) {
  bool printed = false;
  for (int i = 0; i < (to_the_end ? kFinalReads : kReadsPerLook); ++i) {
    auto chunk = read_chunk(label, log);
    if (!chunk) {
      if (++failed_reads_ == kFailedReadsToStop) {
        *options_.err << "[" << label << "] cannot read its log " << log.path()
                      << " on the host; the rest of the output comes from SSM when the step ends\n";
      }
      break;
    }
    failed_reads_ = 0;
    if (!chunk->empty()) {
      *options_.out << *chunk << std::flush;
      printed = true;
    }
    if (!log.behind()) break;
  }
  return printed;
}

void HostRunner::print_captured(const HostCommand& command, const aws::CommandInvocation& inv,
                                OutputDelta& delta) {
  auto& err = *options_.err;
  *options_.out << delta.next(inv.standard_output) << std::flush;
  if (inv.output_truncated()) {
    err << "[" << command.label << "] SSM returned only the first " << aws::kCommandOutputLimit
        << " characters of the output";
    if (command.log_file) err << "; the whole log is " << *command.log_file << " on " << instance_id_;
    if (!options_.status_hint.empty()) err << " (`" << options_.status_hint << "` shows its end)";
    err << "\n";
  }
}

HostOutcome HostRunner::run(const HostCommand& command) {
  auto& err = *options_.err;
  const auto started = Clock::now();
  const auto id = send(command);
  err << "[" << command.label << "] running on " << instance_id_ << " as SSM command " << id << " (limit "
      << duration_text(command.timeout) << ")\n";
  std::optional<LogFollower> log;
  if (command.log_file) log.emplace(*command.log_file);
  failed_reads_ = 0;
  const auto deadline = started + options_.delivery_timeout + command.timeout + kGrace;
  HostOutcome outcome;
  try {
    bool ended = false;
    for (int quiet = 1; !ended; ++quiet) {
      if (!pause(base::backoff_ceiling(options_.poll, quiet))) return cancel(command, id, started, log);
      if (auto looked = look(id, started)) {
        outcome.invocation = std::move(*looked);
        ended = aws::is_terminal(outcome.invocation.status);
      }
      if (following(log) && follow(command.label, log.value(), ended))
        quiet = 0;  // output flows: look sooner
      if (!ended && Clock::now() > deadline) {
        err << "[" << command.label << "] SSM reported no end within its limit of "
            << duration_text(command.timeout)
            << " (plus delivery and a margin); giving up. It may still be running on the host"
            << (options_.status_hint.empty() ? "" : ": " + options_.status_hint) << "\n";
        return outcome;
      }
    }
  } catch (const aws::AwsError& e) {
    throw std::runtime_error("lost track of " + command.label + " (SSM command " + id + "): " + e.what() +
                             "; it may still be running on the host" +
                             (options_.status_hint.empty() ? "" : ": " + options_.status_hint));
  }
  // What the log did not show comes from SSM's copy: the same stream, after the bytes already printed.
  if (!log || !log->exists()) {
    OutputDelta delta;
    print_captured(command, outcome.invocation, delta);
  } else if (!following(log)) {
    OutputDelta delta(static_cast<std::size_t>(log->offset()));
    print_captured(command, outcome.invocation, delta);
  }
  if (!outcome.invocation.standard_error.empty()) {
    err << outcome.invocation.standard_error
        << (outcome.invocation.standard_error.ends_with('\n') ? "" : "\n");
  }
  err << describe_end(command, outcome.invocation, duration_cast<seconds>(Clock::now() - started)) << "\n";
  outcome.exit_code = exit_code_of(outcome.invocation);
  return outcome;
}

HostOutcome HostRunner::cancel(const HostCommand& command, const std::string& command_id,
                               Clock::time_point sent, std::optional<LogFollower>& log) {
  auto& err = *options_.err;
  interrupts_seen_ = options_.interrupts();
  err << "\n[" << command.label << "] interrupted: cancelling SSM command " << command_id << " on "
      << instance_id_ << " (Ctrl-C again to stop waiting)\n";
  HostOutcome outcome;
  outcome.interrupted = true;
  outcome.exit_code = 130;
  try {
    ssm_.cancel_command(command_id, {instance_id_});
    const auto until = Clock::now() + options_.cancel_wait;
    for (int n = 1; Clock::now() < until && !aws::is_terminal(outcome.invocation.status); ++n) {
      if (!pause(base::backoff_ceiling(options_.short_poll, n))) break;
      if (auto looked = look(command_id, sent)) outcome.invocation = std::move(*looked);
    }
  } catch (const aws::AwsError& e) {
    err << "[" << command.label << "] cancelling failed: " << e.what() << "\n";
  }
  if (aws::is_terminal(outcome.invocation.status)) {
    if (following(log) && !interrupted()) follow(command.label, log.value(), true);
    outcome.exit_code = exit_code_of(outcome.invocation);  // it may have ended on its own meanwhile
    err << describe_end(command, outcome.invocation, duration_cast<seconds>(Clock::now() - sent)) << "\n";
  } else {
    err << "[" << command.label << "] the host has not confirmed the cancel; the step may still be running"
        << (options_.status_hint.empty() ? "" : ": " + options_.status_hint) << "\n";
  }
  return outcome;
}

}  // namespace heliocloud::daskhub::remote
