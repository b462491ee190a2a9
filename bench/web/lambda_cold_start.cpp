// Cold start of a web app's Lambda package: from starting its bootstrap (as Lambda does, with the function's
// environment) to the first response it posts to the Runtime API (a local stand-in), plus the process's peak
// RSS at that moment. The start-up work counts: reading the session key from Secrets Manager and the pool's
// password policy from Cognito (here moto on 127.0.0.1, so the network part is local).
//   lambda_cold_start <runs> <bootstrap> NAME=VALUE...   (the function's environment)
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <deque>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "fake_runtime_api.h"

namespace {

// An ALB event for GET /health, as the load balancer sends it with multi-value headers on.
const char* const kHealthEvent =
    R"({"requestContext":{"elb":{"targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/registration/0123456789abcdef"}},)"
    R"("httpMethod":"GET","path":"/health","multiValueQueryStringParameters":{},)"
    R"("multiValueHeaders":{"host":["register.example.org"],"user-agent":["ELB-HealthChecker/2.0"]},)"
    R"("body":"","isBase64Encoded":false})";

long peak_rss_kb(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
  return -1;
}

struct Sample {
  double millis = 0;
  long rss_kb = 0;
};

Sample run_once(const std::string& bootstrap, const std::vector<std::string>& function_env) {
  std::deque<heliocloud::testing::ScriptedInvocation> script;
  script.push_back({.request_id = "bench-1", .payload = kHealthEvent});
  heliocloud::testing::FakeRuntimeApi api(std::move(script));
  std::vector<std::string> env = function_env;
  env.push_back("AWS_LAMBDA_RUNTIME_API=" + api.authority());
  for (char** e = environ; *e != nullptr; ++e) env.emplace_back(*e);  // PATH, credentials, endpoint
  std::vector<char*> envp;
  envp.reserve(env.size());
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::string path = bootstrap;
  char* argv[] = {path.data(), nullptr};

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);  // the access log
  pid_t pid = 0;
  const auto start = std::chrono::steady_clock::now();
  if (posix_spawn(&pid, path.c_str(), &actions, nullptr, argv, envp.data()) != 0) {
    std::perror("posix_spawn");
    std::exit(1);
  }
  posix_spawn_file_actions_destroy(&actions);
  Sample sample;
  for (;;) {
    if (!api.posts().empty()) break;
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(10)) {
      std::fprintf(stderr, "no response from %s within 10 s\n", bootstrap.c_str());
      kill(pid, SIGKILL);
      std::exit(1);
    }
    std::this_thread::sleep_for(std::chrono::microseconds(100));
  }
  sample.millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  sample.rss_kb = peak_rss_kb(pid);
  const auto post = api.posts().front();
  if (post.target.find("/response") == std::string::npos) {
    std::fprintf(stderr, "the function answered with an error: %s %s\n", post.target.c_str(),
                 post.body.c_str());
    kill(pid, SIGKILL);
    std::exit(1);
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  return sample;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s <runs> <bootstrap> NAME=VALUE...\n", argv[0]);
    return 2;
  }
  const int runs = std::max(1, static_cast<int>(std::strtol(argv[1], nullptr, 10)));
  const std::vector<std::string> function_env(argv + 3, argv + argc);
  std::vector<Sample> samples;
  samples.reserve(static_cast<std::size_t>(runs));
  for (int i = 0; i < runs; ++i) samples.push_back(run_once(argv[2], function_env));
  auto by_time = samples;
  std::ranges::sort(by_time, [](auto& a, auto& b) { return a.millis < b.millis; });
  auto by_rss = samples;
  std::ranges::sort(by_rss, [](auto& a, auto& b) { return a.rss_kb < b.rss_kb; });
  const auto mid = samples.size() / 2;
  std::printf(
      "%-44s cold start ms min %.1f median %.1f max %.1f | peak RSS MB median %.1f max %.1f (%d runs)\n",
      "Lambda bootstrap to first response", by_time.front().millis, by_time[mid].millis,
      by_time.back().millis, static_cast<double>(by_rss[mid].rss_kb) / 1024.0,
      static_cast<double>(by_rss.back().rss_kb) / 1024.0, runs);
  return 0;
}
