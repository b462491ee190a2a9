#pragma once
// A scripted Daskhub admin host behind a fake SSM endpoint (AWS JSON 1.1, for FakeHttpServer). The test
// decides, from the text of each script sent, what it writes into its log on each look, what SSM captured
// and how it ends; log reads (LogFollower's scripts) are answered from those logs as the real script would,
// at the offset and size the script names.
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "fake_http_server.h"

namespace heliocloud::daskhub::remote::testing {

struct ScriptedRun {
  std::vector<std::string> log_chunks;  // appended to the script's log (its log='...'), one per look
  std::optional<std::string> captured;  // StandardOutputContent at the end; default: the log, cut as SSM cuts
  std::string captured_error;           // StandardErrorContent
  int exit_code = 0;
  std::string status;    // final Status; default Success for exit 0, else Failed
  std::string details;   // StatusDetails
  int hidden_looks = 0;  // InvocationDoesNotExist for this many first looks
  bool never_ends = false;
};

struct SentScript {
  std::string command_id;
  std::vector<std::string> commands;
  nlohmann::json request;
  bool log_read = false;

  [[nodiscard]] bool contains(const std::string& text) const;
  [[nodiscard]] std::string variable(const std::string& name) const;  // the value of a `name='...'` line
};

class FakeSsmHost {
 public:
  using Script = std::function<ScriptedRun(const SentScript&)>;

  explicit FakeSsmHost(Script script) : script_(std::move(script)) {}

  // SendCommand, GetCommandInvocation and CancelCommand; nullopt for any other request.
  std::optional<heliocloud::testing::CannedResponse> answer(
      const heliocloud::testing::RecordedRequest& request);

  [[nodiscard]] std::vector<SentScript> sent() const;  // log reads included
  [[nodiscard]] std::vector<SentScript> runs() const;  // without the log reads
  [[nodiscard]] std::vector<std::string> cancelled() const;
  [[nodiscard]] std::string log(const std::string& path) const;
  void break_log_reads() {
    std::scoped_lock lock(mu_);
    broken_reads_ = true;
  }

 private:
  struct Invocation {
    SentScript sent;
    ScriptedRun run;
    std::string log_path;
    int looks = 0;
    bool cancelled = false;
  };

  heliocloud::testing::CannedResponse send(const nlohmann::json& body);
  heliocloud::testing::CannedResponse look(const nlohmann::json& body);
  std::string read_answer(const SentScript& read) const;

  Script script_;
  mutable std::mutex mu_;
  std::vector<Invocation> invocations_;
  std::map<std::string, std::string> logs_;
  std::vector<std::string> cancelled_;
  bool broken_reads_ = false;
};

// The shell word 'it'\''s' as the text it stands for.
[[nodiscard]] std::string shell_unquote(const std::string& word);

}  // namespace heliocloud::daskhub::remote::testing
