// One binary, two front doors: web_example_server as a local server (started, queried, stopped by SIGTERM)
// and as a Lambda function (started the way Lambda starts it, against the fake Runtime API).
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <thread>

#include "fake_runtime_api.h"

namespace fs = std::filesystem;
using nlohmann::json;

extern char** environ;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Waits for the child's exit; nullopt when it is still running after `limit`.
std::optional<int> wait_for_exit(pid_t pid, std::chrono::seconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid)
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return std::nullopt;
}

}  // namespace

TEST(ExampleBinary, LocalServerServesAndStopsGracefullyOnSigterm) {
  const fs::path log = fs::temp_directory_path() / ("web_example_" + std::to_string(::getpid()) + ".log");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::string binary = HELIOCLOUD_WEB_EXAMPLE_SERVER;
  std::string listen = "--listen";
  std::string address = "127.0.0.1:0";
  std::vector<char*> argv = {binary.data(), listen.data(), address.data(), nullptr};
  ::unsetenv("AWS_LAMBDA_RUNTIME_API");
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);

  // It says where it listens (an ephemeral port) on stderr.
  int port = 0;
  for (int i = 0; i < 500 && port == 0; ++i) {
    const auto text = read_file(log);
    const std::string marker = "listening on http://127.0.0.1:";
    if (const auto at = text.find(marker);
        at != std::string::npos && text.find('/', at + marker.size()) != std::string::npos)
      port = std::atoi(text.c_str() + at + marker.size());
    else
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_GT(port, 0) << read_file(log);

  httplib::Client client("127.0.0.1", port);
  const auto page = client.Get("/?code=SECRETCODE");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  // Local development over http: the session cookie is not Secure, or the browser would drop it.
  EXPECT_EQ(page->get_header_value("Set-Cookie").find("Secure"), std::string::npos);

  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  const auto status = wait_for_exit(pid, std::chrono::seconds(10));
  if (!status) ::kill(pid, SIGKILL);
  ASSERT_TRUE(status.has_value());
  EXPECT_EQ(*status, 0);
  const auto text = read_file(log);
  EXPECT_NE(text.find("access method=GET path=/ status=200"), std::string::npos) << text;
  EXPECT_NE(text.find("stopping"), std::string::npos) << text;
  EXPECT_EQ(text.find("SECRETCODE"), std::string::npos) << text;
  fs::remove(log);
}

TEST(ExampleBinary, OnLambdaTheSameBinaryServesAlbEvents) {
  const json event = {{"httpMethod", "GET"},
                      {"path", "/static/app.css"},
                      {"multiValueHeaders", {{"accept", {"text/css"}}}},
                      {"multiValueQueryStringParameters", json::object()},
                      {"body", ""},
                      {"isBase64Encoded", false}};
  heliocloud::testing::FakeRuntimeApi api({heliocloud::testing::ScriptedInvocation{"req-w", event.dump()}});
  // The fake API drops connections after its script, so the function gives up and exits.
  const int rc = std::system(("env -i AWS_LAMBDA_RUNTIME_API=" + api.authority() + " " +
                              std::string(HELIOCLOUD_WEB_EXAMPLE_SERVER) + " 2>/dev/null")
                                 .c_str());
  EXPECT_NE(rc, 0);
  const auto posts = api.posts();
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].target, "/2018-06-01/runtime/invocation/req-w/response");
  const json out = json::parse(posts[0].body);
  EXPECT_EQ(out["statusCode"], 200);
  EXPECT_EQ(out["multiValueHeaders"]["Content-Type"], json::array({"text/css; charset=utf-8"}));
  EXPECT_EQ(out["body"], "body { font-family: sans-serif; }\n");
}
