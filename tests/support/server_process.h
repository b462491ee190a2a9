#pragma once
// A web app's binary as a developer runs it: started as a child process with its stderr in a log file, found
// on the ephemeral port it reports ("listening on http://127.0.0.1:PORT/"), stopped with SIGTERM as a
// terminal's Ctrl-C or a service manager would. The tests of the example server and of the apps share it.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace heliocloud::testing {

inline std::string read_text_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The child's exit status (128 + signal when a signal ended it); nullopt when it still runs after `limit`.
inline std::optional<int> wait_for_exit(pid_t pid, std::chrono::seconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid)
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return std::nullopt;
}

class ServerProcess {
 public:
  // Starts `args[0]` with `args` and waits up to 10 s for its port; throws with the log when it never says.
  explicit ServerProcess(std::vector<std::string> args)
      : log_(std::filesystem::temp_directory_path() /
             ("hc-server-" + std::to_string(::getpid()) + "-" + std::to_string(next_id()) + ".log")) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<char*> argv;
    argv.reserve(args.size());
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int spawned = posix_spawn(&pid_, args.at(0).c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) throw std::runtime_error("cannot start " + args[0]);
    const std::string marker = "listening on http://127.0.0.1:";
    for (int i = 0; i < 500 && port_ == 0; ++i) {
      const auto text = log();
      const auto at = text.find(marker);
      if (at != std::string::npos && text.find('/', at + marker.size()) != std::string::npos) {
        const auto digits = std::string_view(text).substr(at + marker.size());
        if (std::from_chars(digits.data(), digits.data() + digits.size(), port_).ec != std::errc{}) port_ = 0;
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    }
    if (port_ == 0) {
      ::kill(pid_, SIGKILL);
      (void)wait_for_exit(pid_, std::chrono::seconds(5));
      pid_ = 0;
      throw std::runtime_error(args[0] + " never said where it listens; its log:\n" + log());
    }
  }
  ~ServerProcess() {
    if (pid_ != 0) {
      ::kill(pid_, SIGKILL);
      (void)wait_for_exit(pid_, std::chrono::seconds(5));
    }
    std::filesystem::remove(log_);
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  [[nodiscard]] int port() const noexcept { return port_; }
  [[nodiscard]] std::string log() const { return read_text_file(log_); }

  // SIGTERM, then its exit status; nullopt (and SIGKILL) when it does not stop within 10 s.
  std::optional<int> stop() {
    if (pid_ == 0) return std::nullopt;
    ::kill(pid_, SIGTERM);
    const auto status = wait_for_exit(pid_, std::chrono::seconds(10));
    if (!status) {  // reaped already when it stopped; only a process that would not stop is killed and reaped
      ::kill(pid_, SIGKILL);
      (void)wait_for_exit(pid_, std::chrono::seconds(5));
    }
    pid_ = 0;
    return status;
  }

 private:
  static int next_id() {
    static int id = 0;
    return ++id;
  }

  std::filesystem::path log_;
  pid_t pid_ = 0;
  int port_ = 0;
};

}  // namespace heliocloud::testing
