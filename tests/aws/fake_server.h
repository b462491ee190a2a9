#pragma once
// A tiny HTTP/1.1 server on 127.0.0.1 (ephemeral port) whose answers the test scripts request by request:
// status and body, a stall, a truncated body. One connection at a time; every answer closes the connection.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace heliocloud::aws::testing {

struct FakeRequest {
  std::string method;
  std::string target;                          // path and query as sent
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::string header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

struct FakeReply {
  std::string raw;                            // bytes written as they are
  std::chrono::milliseconds stall_before{0};  // silence before anything is written
  std::chrono::milliseconds stall_after{0};   // silence after writing, before closing
};

inline FakeReply http_reply(int status, const std::string& body,
                            const std::vector<std::pair<std::string, std::string>>& headers = {}) {
  std::string raw = "HTTP/1.1 " + std::to_string(status) +
                    " X\r\nContent-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n";
  for (const auto& [k, v] : headers) raw += k + ": " + v + "\r\n";
  raw += "\r\n" + body;
  return {raw, {}, {}};
}

class FakeServer {
 public:
  using Handler = std::function<FakeReply(const FakeRequest&, int index)>;

  explicit FakeServer(Handler handler) : handler_(std::move(handler)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket failed");
    const int one = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd_, 16) != 0) {
      throw std::runtime_error("bind/listen failed");
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  FakeServer(const FakeServer&) = delete;
  FakeServer& operator=(const FakeServer&) = delete;
  ~FakeServer() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  std::vector<FakeRequest> requests() const {
    std::lock_guard lock(mu_);
    return requests_;
  }
  std::size_t count() const {
    std::lock_guard lock(mu_);
    return requests_.size();
  }

 private:
  bool wait_readable(int fd, int ms) const {
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, ms) > 0;
  }
  // Sleeps in slices so that the destructor is never held up by a scripted stall.
  void pause(std::chrono::milliseconds d) const {
    const auto until = std::chrono::steady_clock::now() + d;
    while (!stop_ && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  bool read_request(int c, FakeRequest& req) const {
    std::string data;
    char buf[65536];
    std::size_t header_end = std::string::npos;
    while (header_end == std::string::npos) {
      if (!wait_readable(c, 5000)) return false;
      const auto n = ::recv(c, buf, sizeof buf, 0);
      if (n <= 0) return false;
      data.append(buf, static_cast<std::size_t>(n));
      header_end = data.find("\r\n\r\n");
    }
    const std::string head = data.substr(0, header_end);
    std::size_t pos = head.find("\r\n");
    const std::string line = head.substr(0, pos);
    const auto sp1 = line.find(' ');
    const auto sp2 = line.find(' ', sp1 + 1);
    req.method = line.substr(0, sp1);
    req.target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    while (pos != std::string::npos && pos < head.size()) {
      const auto next = head.find("\r\n", pos + 2);
      const std::string h =
          head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
      const auto colon = h.find(':');
      if (colon != std::string::npos) {
        std::string name = h.substr(0, colon);
        for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        std::string value = h.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        req.headers[name] = value;
      }
      pos = next;
    }
    req.body = data.substr(header_end + 4);
    const std::size_t want =
        req.headers.count("content-length") ? std::stoul(req.headers["content-length"]) : 0;
    while (req.body.size() < want) {
      if (!wait_readable(c, 5000)) return false;
      const auto n = ::recv(c, buf, sizeof buf, 0);
      if (n <= 0) return false;
      req.body.append(buf, static_cast<std::size_t>(n));
    }
    return true;
  }
  void serve() {
    while (!stop_) {
      if (!wait_readable(fd_, 50)) continue;
      const int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) continue;
      FakeRequest req;
      if (read_request(c, req)) {
        int index = 0;
        {
          std::lock_guard lock(mu_);
          index = static_cast<int>(requests_.size());
          requests_.push_back(req);
        }
        const FakeReply reply = handler_(req, index);
        pause(reply.stall_before);
        std::size_t sent = 0;
        while (!stop_ && sent < reply.raw.size()) {
          const auto n = ::send(c, reply.raw.data() + sent, reply.raw.size() - sent, MSG_NOSIGNAL);
          if (n <= 0) break;
          sent += static_cast<std::size_t>(n);
        }
        pause(reply.stall_after);
      }
      ::shutdown(c, SHUT_RDWR);
      ::close(c);
    }
  }

  Handler handler_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  mutable std::mutex mu_;
  std::vector<FakeRequest> requests_;
};

}  // namespace heliocloud::aws::testing
