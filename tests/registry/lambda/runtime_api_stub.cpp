#include "runtime_api_stub.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

namespace heliocloud::registry::test {

namespace {

// Reads one request: the head, then a Content-Length body. False when the peer went away or stayed silent.
bool read_request(int fd, std::string& method, std::string& path, std::string& body) {
  std::string buffer;
  std::size_t head_end = std::string::npos;
  std::size_t length = 0;
  char chunk[16384];
  for (;;) {
    if (head_end == std::string::npos && (head_end = buffer.find("\r\n\r\n")) != std::string::npos) {
      for (const char* name : {"\r\ncontent-length:", "\r\nContent-Length:"}) {
        const auto at = buffer.find(name);
        if (at != std::string::npos && at < head_end)
          length = std::stoul(buffer.substr(at + std::strlen(name)));
      }
    }
    if (head_end != std::string::npos && buffer.size() >= head_end + 4 + length) break;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 30000) <= 0) return false;
    const auto n = ::read(fd, chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
  const auto sp1 = buffer.find(' ');
  const auto sp2 = buffer.find(' ', sp1 + 1);
  method = buffer.substr(0, sp1);
  path = buffer.substr(sp1 + 1, sp2 - sp1 - 1);
  body = buffer.substr(head_end + 4, length);
  return true;
}

void write_all(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const auto n = ::write(fd, data.data() + done, data.size() - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

std::string reply(int status, const std::string& headers, const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\n" + headers + "\r\n" + body;
}

}  // namespace

RuntimeApiStub::RuntimeApiStub(std::deque<Event> script) : script_(std::move(script)) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof addr;
  if (listen_fd_ < 0 || ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), size) != 0 ||
      ::listen(listen_fd_, 8) != 0 ||
      ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &size) != 0) {
    throw std::runtime_error(std::string("runtime API stub: cannot listen: ") + std::strerror(errno));
  }
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { serve(); });
}

RuntimeApiStub::~RuntimeApiStub() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  ::shutdown(listen_fd_, SHUT_RDWR);
  thread_.join();
  ::close(listen_fd_);
}

void RuntimeApiStub::serve() {
  for (;;) {
    pollfd p{listen_fd_, POLLIN, 0};
    const int ready = ::poll(&p, 1, 200);
    {
      std::lock_guard lock(mutex_);
      if (stop_) return;
    }
    if (ready <= 0) continue;
    const int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    answer(fd);
    ::close(fd);
  }
}

void RuntimeApiStub::answer(int fd) {
  std::string method, path, body;
  if (!read_request(fd, method, path, body)) return;
  if (method == "GET" && path == "/2018-06-01/runtime/invocation/next") {
    std::lock_guard lock(mutex_);
    if (script_.empty()) return;  // the sandbox is going away: no answer
    const auto event = script_.front();
    script_.pop_front();
    const auto deadline = std::chrono::duration_cast<std::chrono::milliseconds>(
        (std::chrono::system_clock::now() + event.time_left).time_since_epoch());
    write_all(
        fd,
        reply(200,
              "Lambda-Runtime-Aws-Request-Id: " + event.request_id +
                  "\r\nLambda-Runtime-Deadline-Ms: " + std::to_string(deadline.count()) +
                  "\r\nLambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:123456789012:function:"
                  "registry\r\nContent-Type: application/json\r\n",
              event.payload));
    return;
  }
  if (method == "POST") {
    {
      std::lock_guard lock(mutex_);
      posts_.push_back({path, body});
    }
    write_all(fd, reply(202, "Content-Type: application/json\r\n", "{\"status\":\"OK\"}"));
    return;
  }
  write_all(fd, reply(404, "", "unexpected request"));
}

std::vector<Posted> RuntimeApiStub::posts() const {
  std::lock_guard lock(mutex_);
  return posts_;
}

Posted RuntimeApiStub::post(const std::string& suffix) const {
  for (const auto& p : posts()) {
    if (p.path.size() >= suffix.size() &&
        p.path.compare(p.path.size() - suffix.size(), suffix.size(), suffix) == 0)
      return p;
  }
  return {};
}

}  // namespace heliocloud::registry::test
