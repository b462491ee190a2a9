// Runs a command N times and prints wall time and peak RSS (min / median / max). Peak RSS comes from wait4's
// rusage of the child, so it counts the command's own process tree leader (for `cdk synth`: node; the app is
// a grandchild and is measured separately).
//   process_stats <runs> <label> -- <command...>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Sample {
  double millis;
  long max_rss_kb;
};

Sample run_once(char** argv) {
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    if (std::freopen("/dev/null", "w", stdout) == nullptr) _exit(127);
    execvp(argv[0], argv);
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  const auto end = std::chrono::steady_clock::now();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "process_stats: %s failed (status %d)\n", argv[0], status);
    std::exit(1);
  }
  return {.millis = std::chrono::duration<double, std::milli>(end - start).count(),
          .max_rss_kb = usage.ru_maxrss};
}

template <class T>
void print_row(const char* what, std::vector<T> v, const char* unit) {
  std::sort(v.begin(), v.end());
  std::printf("  %-9s min %9.1f  median %9.1f  max %9.1f %s\n", what, static_cast<double>(v.front()),
              static_cast<double>(v[v.size() / 2]), static_cast<double>(v.back()), unit);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5 || std::string(argv[3]) != "--") {
    std::fprintf(stderr, "usage: process_stats <runs> <label> -- <command...>\n");
    return 2;
  }
  const auto runs = std::strtol(argv[1], nullptr, 10);
  std::vector<double> millis;
  std::vector<double> rss_mb;
  for (long i = 0; i < runs; ++i) {
    const Sample s = run_once(argv + 4);
    millis.push_back(s.millis);
    rss_mb.push_back(static_cast<double>(s.max_rss_kb) / 1024.0);
  }
  std::printf("%s (%ld runs)\n", argv[2], runs);
  print_row("wall", millis, "ms");
  print_row("peak RSS", rss_mb, "MB");
  return 0;
}
