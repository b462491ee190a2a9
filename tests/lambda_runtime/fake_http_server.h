#pragma once
// A small HTTP/1.1 server of the tests' own on 127.0.0.1 (ephemeral port): it stands in for the Lambda
// Runtime API and for CloudFormation's presigned ResponseURL. One thread accepts connections one at a time,
// reads a whole request (Content-Length bodies), asks the test's handler for the answer and closes the
// connection. Every request is recorded so the test can assert what the code under test sent.
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace heliocloud::testing {

struct RecordedRequest {
  std::string method;
  std::string target;                                            // path and query as sent
  std::vector<std::pair<std::string, std::string>> header_list;  // as sent, names lower-cased
  std::string body;

  bool has_header(const std::string& lower_name) const;
  std::string header(const std::string& lower_name) const;  // first value, empty when absent
};

struct CannedResponse {
  int status = 200;
  std::map<std::string, std::string> headers;
  std::string body;
  bool drop = false;  // close the connection without answering
};

class FakeHttpServer {
 public:
  using Handler = std::function<CannedResponse(const RecordedRequest&)>;

  explicit FakeHttpServer(Handler handler);
  ~FakeHttpServer();
  FakeHttpServer(const FakeHttpServer&) = delete;
  FakeHttpServer& operator=(const FakeHttpServer&) = delete;

  int port() const noexcept { return port_; }
  std::string authority() const { return "127.0.0.1:" + std::to_string(port_); }  // host:port
  std::vector<RecordedRequest> requests() const;  // every request so far, in arrival order

 private:
  void serve();
  void handle_connection(int fd);

  Handler handler_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  mutable std::mutex mu_;
  std::vector<RecordedRequest> requests_;
  std::thread thread_;
};

}  // namespace heliocloud::testing
