#pragma once
// Runs this benchmark's binary again as a child process, so that what it measures (peak RSS above all) is the
// child's own and not whatever the parent set up: its stdout and CPU time, from getrusage. Its peak RSS is
// not in getrusage's answer: Linux carries the high-water mark over fork and exec, so ru_maxrss is at least
// the parent's RSS when it forked (a parent that generated a 100,000-file job showed 205 MB in every child).
// The child reports own_peak_rss_kb() itself instead: VmHWM belongs to the address space exec made.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace heliocloud::bench {

struct ChildRun {
  std::string output;      // what it wrote to stdout
  double cpu_seconds = 0;  // user + system
};

// This process's peak RSS since its exec (VmHWM in /proc/self/status), in kB; 0 when unknown.
inline long own_peak_rss_kb() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
  }
  return 0;
}

// Throws std::runtime_error naming `what` when the child does not exit with 0.
inline ChildRun run_self(const char* self, const std::vector<std::string>& args, const std::string& what) {
  std::vector<std::string> words{self};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  argv.reserve(words.size());
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe");
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    execv(self, argv.data());
    _exit(127);
  }
  close(out[1]);
  ChildRun run;
  char buf[256];
  for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;)
    run.output.append(buf, static_cast<std::size_t>(n));
  close(out[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error(what + " failed");
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + (static_cast<double>(t.tv_usec) / 1e6);
  };
  run.cpu_seconds = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  return run;
}

}  // namespace heliocloud::bench
