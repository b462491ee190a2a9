#pragma once
// A Lambda Runtime API stand-in for driving the real heliocloud-registry-lambda binary: hands out scripted
// events on GET /runtime/invocation/next, records every POST (response, error, init error), and once the
// script is used up closes connections unanswered, as a sandbox going away does, so the binary's loop gives
// up and exits. One thread, one connection at a time: the runtime loop is sequential too.
#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace heliocloud::registry::test {

struct Posted {
  std::string path;  // e.g. /2018-06-01/runtime/invocation/req-1/response
  std::string body;
};

class RuntimeApiStub {
 public:
  struct Event {
    std::string request_id;
    std::string payload;
    std::chrono::milliseconds time_left{900000};
  };

  explicit RuntimeApiStub(std::deque<Event> script);
  ~RuntimeApiStub();
  RuntimeApiStub(const RuntimeApiStub&) = delete;
  RuntimeApiStub& operator=(const RuntimeApiStub&) = delete;

  [[nodiscard]] std::string authority() const { return "127.0.0.1:" + std::to_string(port_); }
  [[nodiscard]] std::vector<Posted> posts() const;
  // The POST whose path ends with `suffix` (e.g. "req-1/response"); empty body and path when there is none.
  [[nodiscard]] Posted post(const std::string& suffix) const;

 private:
  void serve();
  void answer(int fd);

  std::deque<Event> script_;
  int listen_fd_ = -1;
  int port_ = 0;
  bool stop_ = false;
  mutable std::mutex mutex_;
  std::vector<Posted> posts_;
  std::thread thread_;
};

}  // namespace heliocloud::registry::test
