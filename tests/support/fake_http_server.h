#pragma once
// A small HTTP/1.1 server of the tests' own on 127.0.0.1 (ephemeral port): it stands in for the Lambda
// Runtime API and for CloudFormation's presigned ResponseURL. One thread accepts connections one at a time,
// reads a whole request (Content-Length bodies), asks the test's handler for the answer and closes the
// connection, unless the answer keeps it alive: then it reads the next request on it, as AWS's endpoints do.
// Every request is recorded so the test can assert what the code under test sent.
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace heliocloud::testing {

struct RecordedRequest {
  std::size_t index = 0;       // arrival order: 0 for the first request the server saw
  std::size_t connection = 0;  // the connection it came on: 0 for the first the server accepted
  std::string method;
  std::string target;                                            // path and query as sent
  std::vector<std::pair<std::string, std::string>> header_list;  // as sent, names lower-cased
  std::string body;

  bool has_header(const std::string& lower_name) const;
  std::string header(const std::string& lower_name) const;  // first value, empty when absent
};

struct CannedResponse {
  // status, headers, body, drop: what most tests give, as in {404, {}, "unexpected request"}.
  CannedResponse(int with_status = 200, std::map<std::string, std::string> with_headers = {},
                 std::string with_body = {}, bool dropped = false)
      : status(with_status), headers(std::move(with_headers)), body(std::move(with_body)), drop(dropped) {}

  int status = 200;
  std::map<std::string, std::string> headers;
  std::string body;
  bool drop = false;        // close the connection without answering
  bool keep_alive = false;  // answer without "Connection: close" and wait for the next request on it
  // Fault injection: bytes written as they are instead of status/headers/body (e.g. a truncated answer),
  // and silences before writing and after it (the connection stays open meanwhile).
  std::string raw;
  std::chrono::milliseconds stall_before{0};
  std::chrono::milliseconds stall_after{0};
};

// A whole HTTP/1.1 answer as raw bytes, for tests that then cut or delay it.
CannedResponse raw_reply(int status, const std::string& body,
                         const std::vector<std::pair<std::string, std::string>>& headers = {});

class FakeHttpServer {
 public:
  using Handler = std::function<CannedResponse(const RecordedRequest&)>;

  explicit FakeHttpServer(Handler handler);
  ~FakeHttpServer();
  FakeHttpServer(const FakeHttpServer&) = delete;
  FakeHttpServer& operator=(const FakeHttpServer&) = delete;

  int port() const noexcept { return port_; }
  std::string authority() const { return "127.0.0.1:" + std::to_string(port_); }  // host:port
  std::string url() const { return "http://" + authority(); }
  std::vector<RecordedRequest> requests() const;  // every request so far, in arrival order
  std::size_t count() const;

 private:
  void serve();
  bool handle_request(int fd, std::size_t connection);  // true: the connection stays open for another
  void pause(std::chrono::milliseconds d) const;

  Handler handler_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  mutable std::mutex mu_;
  std::vector<RecordedRequest> requests_;
  std::thread thread_;
};

}  // namespace heliocloud::testing
