#include "fake_ssm_host.h"

#include <algorithm>

#include "base/base64.h"

namespace heliocloud::daskhub::remote::testing {
namespace {

using heliocloud::testing::CannedResponse;
using nlohmann::json;

CannedResponse ssm_json(int status, const json& body) {
  return {status, {{"Content-Type", "application/x-amz-json-1.1"}}, body.dump()};
}

// The number after `flag` in the first command line that has it ("tail -c +" -> 16).
std::size_t number_after(const std::vector<std::string>& commands, const std::string& flag) {
  for (const auto& line : commands) {
    const auto at = line.find(flag);
    if (at != std::string::npos) return std::stoul(line.substr(at + flag.size()));
  }
  return 0;
}

// What the agent keeps of a long stdout: the first 24,000 characters, the last ones replaced by its marker.
std::string as_ssm_keeps(const std::string& text) {
  const std::string marker = "\n---Output truncated---";
  return text.size() <= 24000 ? text : text.substr(0, 24000 - marker.size()) + marker;
}

}  // namespace

std::string shell_unquote(const std::string& word) {
  std::string out;
  bool quoted = false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (quoted) {
      if (c == '\'') {
        quoted = false;
      } else {
        out += c;
      }
    } else if (c == '\'') {
      quoted = true;
    } else if (c == '\\' && i + 1 < word.size()) {
      out += word[++i];
    } else {
      out += c;
    }
  }
  return out;
}

bool SentScript::contains(const std::string& text) const {
  return std::ranges::any_of(commands,
                             [&](const std::string& line) { return line.find(text) != std::string::npos; });
}

std::string SentScript::variable(const std::string& name) const {
  for (const auto& line : commands) {
    if (line.starts_with(name + "=")) return shell_unquote(line.substr(name.size() + 1));
  }
  return {};
}

std::optional<CannedResponse> FakeSsmHost::answer(const heliocloud::testing::RecordedRequest& request) {
  const auto target = request.header("x-amz-target");
  if (!target.starts_with("AmazonSSM.")) return std::nullopt;
  const auto body = json::parse(request.body);
  std::scoped_lock lock(mu_);
  if (target == "AmazonSSM.SendCommand") return send(body);
  if (target == "AmazonSSM.GetCommandInvocation") return look(body);
  if (target == "AmazonSSM.CancelCommand") {
    cancelled_.push_back(body.at("CommandId").get<std::string>());
    for (auto& inv : invocations_) {
      if (inv.sent.command_id == cancelled_.back()) inv.cancelled = true;
    }
    return ssm_json(200, json::object());
  }
  return ssm_json(400, {{"__type", "InvalidAction"}, {"message", target}});
}

CannedResponse FakeSsmHost::send(const json& body) {
  Invocation inv;
  inv.sent.command_id = "cmd-" + std::to_string(invocations_.size() + 1);
  inv.sent.commands = body.at("Parameters").at("commands").get<std::vector<std::string>>();
  inv.sent.request = body;
  inv.sent.log_read = inv.sent.contains("base64 -w 0");
  if (!inv.sent.log_read) {
    inv.run = script_(inv.sent);
    inv.log_path = inv.sent.variable("log");
    if (!inv.log_path.empty()) logs_[inv.log_path];  // the wrapper creates it before the step starts
  }
  invocations_.push_back(inv);
  return ssm_json(200, {{"Command", {{"CommandId", inv.sent.command_id}, {"Status", "Pending"}}}});
}

CannedResponse FakeSsmHost::look(const json& body) {
  const auto id = body.at("CommandId").get<std::string>();
  const auto it =
      std::ranges::find_if(invocations_, [&](const Invocation& i) { return i.sent.command_id == id; });
  if (it == invocations_.end()) return ssm_json(400, {{"__type", "InvalidCommandId"}, {"message", id}});
  Invocation& inv = *it;
  json answer{{"CommandId", id},
              {"InstanceId", body.at("InstanceId")},
              {"PluginName", "aws:runShellScript"},
              {"ResponseCode", -1},
              {"Status", "InProgress"},
              {"StatusDetails", "InProgress"},
              {"StandardOutputContent", ""},
              {"StandardErrorContent", ""}};
  if (inv.sent.log_read) {
    answer["Status"] = answer["StatusDetails"] = "Success";
    answer["ResponseCode"] = 0;
    answer["StandardOutputContent"] = read_answer(inv.sent);
    return ssm_json(200, answer);
  }
  if (inv.looks++ < inv.run.hidden_looks) return ssm_json(400, {{"__type", "InvocationDoesNotExist"}});
  const auto visible = static_cast<std::size_t>(inv.looks - inv.run.hidden_looks);
  if (inv.cancelled) {
    answer["Status"] = answer["StatusDetails"] = "Cancelled";
    return ssm_json(200, answer);
  }
  if (visible <= inv.run.log_chunks.size()) {
    logs_[inv.log_path] += inv.run.log_chunks[visible - 1];
    return ssm_json(200, answer);
  }
  if (inv.run.never_ends) return ssm_json(200, answer);
  const bool ok = inv.run.exit_code == 0;
  answer["Status"] = inv.run.status.empty() ? (ok ? "Success" : "Failed") : inv.run.status;
  answer["StatusDetails"] = inv.run.details.empty() ? answer["Status"] : json(inv.run.details);
  answer["ResponseCode"] = inv.run.exit_code;
  answer["StandardOutputContent"] = inv.run.captured ? *inv.run.captured : as_ssm_keeps(logs_[inv.log_path]);
  answer["StandardErrorContent"] = inv.run.captured_error;
  return ssm_json(200, answer);
}

std::string FakeSsmHost::read_answer(const SentScript& read) const {
  if (broken_reads_) return "Segmentation fault\n";
  const auto it = logs_.find(read.variable("f"));
  if (it == logs_.end()) return "nolog\n";
  const auto offset = number_after(read.commands, "tail -c +") - 1;
  const auto size = number_after(read.commands, "head -c ");
  const auto chunk = offset < it->second.size() ? it->second.substr(offset, size) : std::string();
  return "log " + std::to_string(it->second.size()) + "\n" + base::base64_encode(chunk) + "\n";
}

std::vector<SentScript> FakeSsmHost::sent() const {
  std::scoped_lock lock(mu_);
  std::vector<SentScript> out;
  out.reserve(invocations_.size());
  for (const auto& inv : invocations_) out.push_back(inv.sent);
  return out;
}

std::vector<SentScript> FakeSsmHost::runs() const {
  std::scoped_lock lock(mu_);
  std::vector<SentScript> out;
  for (const auto& inv : invocations_) {
    if (!inv.sent.log_read) out.push_back(inv.sent);
  }
  return out;
}

std::vector<std::string> FakeSsmHost::cancelled() const {
  std::scoped_lock lock(mu_);
  return cancelled_;
}

std::string FakeSsmHost::log(const std::string& path) const {
  std::scoped_lock lock(mu_);
  const auto it = logs_.find(path);
  return it == logs_.end() ? std::string() : it->second;
}

}  // namespace heliocloud::daskhub::remote::testing
