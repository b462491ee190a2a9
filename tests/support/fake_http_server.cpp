#include "fake_http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <stdexcept>
#include <thread>

namespace heliocloud::testing {

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  const auto e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// Reads until `buffer` holds at least `want` bytes; false when the peer closed or went silent for 10 s.
bool read_until(int fd, std::string& buffer, std::size_t want) {
  char chunk[8192];
  while (buffer.size() < want) {
    pollfd p{.fd = fd, .events = POLLIN, .revents = 0};
    if (::poll(&p, 1, 10000) <= 0) return false;
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
  return true;
}

bool read_request(int fd, RecordedRequest& req) {
  std::string buffer;
  std::size_t header_end = std::string::npos;
  while ((header_end = buffer.find("\r\n\r\n")) == std::string::npos) {
    if (!read_until(fd, buffer, buffer.size() + 1)) return false;
  }
  const std::string head = buffer.substr(0, header_end);
  std::size_t pos = head.find("\r\n");
  const std::string request_line = head.substr(0, pos);
  const auto sp1 = request_line.find(' ');
  const auto sp2 = request_line.rfind(' ');
  if (sp1 == std::string::npos || sp2 <= sp1) return false;
  req.method = request_line.substr(0, sp1);
  req.target = request_line.substr(sp1 + 1, sp2 - sp1 - 1);
  std::size_t content_length = 0;
  while (pos != std::string::npos && pos < head.size()) {
    const std::size_t start = pos + 2;
    const std::size_t end = head.find("\r\n", start);
    const std::string line = head.substr(start, end == std::string::npos ? std::string::npos : end - start);
    pos = end;
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = lower(trim(line.substr(0, colon)));
    std::string value = trim(line.substr(colon + 1));
    if (name == "content-length") content_length = std::stoul(value);
    req.header_list.emplace_back(std::move(name), std::move(value));
  }
  const std::size_t body_start = header_end + 4;
  if (!read_until(fd, buffer, body_start + content_length)) return false;
  req.body = buffer.substr(body_start, content_length);
  return true;
}

void write_all(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    // MSG_NOSIGNAL: a client that gave up (a timeout test) must not kill the test with SIGPIPE.
    const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

bool RecordedRequest::has_header(const std::string& lower_name) const {
  for (const auto& [name, value] : header_list) {
    if (name == lower_name) return true;
  }
  return false;
}

std::string RecordedRequest::header(const std::string& lower_name) const {
  for (const auto& [name, value] : header_list) {
    if (name == lower_name) return value;
  }
  return {};
}

FakeHttpServer::FakeHttpServer(Handler handler) : handler_(std::move(handler)) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (listen_fd_ < 0) throw std::runtime_error("FakeHttpServer: socket() failed");
  const int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;  // ephemeral: parallel test runs never collide
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listen_fd_, 16) != 0) {
    ::close(listen_fd_);
    throw std::runtime_error("FakeHttpServer: bind/listen on 127.0.0.1 failed");
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { serve(); });
}

FakeHttpServer::~FakeHttpServer() {
  stop_ = true;
  thread_.join();
  ::close(listen_fd_);
}

std::vector<RecordedRequest> FakeHttpServer::requests() const {
  std::scoped_lock lock(mu_);
  return requests_;
}

std::size_t FakeHttpServer::count() const {
  std::scoped_lock lock(mu_);
  return requests_.size();
}

CannedResponse raw_reply(int status, const std::string& body,
                         const std::vector<std::pair<std::string, std::string>>& headers) {
  CannedResponse r;
  r.raw = "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Length: " + std::to_string(body.size()) +
          "\r\nConnection: close\r\n";
  for (const auto& [name, value] : headers) r.raw += name + ": " + value + "\r\n";
  r.raw += "\r\n" + body;
  return r;
}

// Sleeps in slices, so that the destructor is never held up by a scripted stall.
void FakeHttpServer::pause(std::chrono::milliseconds d) const {
  const auto until = std::chrono::steady_clock::now() + d;
  while (!stop_ && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

void FakeHttpServer::serve() {
  for (std::size_t connection = 0; !stop_;) {
    pollfd p{.fd = listen_fd_, .events = POLLIN, .revents = 0};
    if (::poll(&p, 1, 50) <= 0) continue;  // wake up regularly to notice stop_
    const int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    while (handle_request(fd, connection)) {
    }
    ++connection;
    ::close(fd);
  }
}

bool FakeHttpServer::handle_request(int fd, std::size_t connection) {
  RecordedRequest req;
  if (!read_request(fd, req)) return false;
  req.connection = connection;
  {
    std::scoped_lock lock(mu_);
    req.index = requests_.size();
    requests_.push_back(req);
  }
  const CannedResponse resp = handler_(req);
  if (resp.drop) return false;
  pause(resp.stall_before);
  if (!resp.raw.empty()) {
    write_all(fd, resp.raw);
    pause(resp.stall_after);
    ::shutdown(fd, SHUT_RDWR);
    return false;
  }
  std::string raw = "HTTP/1.1 " + std::to_string(resp.status) + " Canned\r\n" +
                    (resp.keep_alive ? "" : "Connection: close\r\n") +
                    "Content-Length: " + std::to_string(resp.body.size()) + "\r\n";
  for (const auto& [name, value] : resp.headers) raw += name + ": " + value + "\r\n";
  raw += "\r\n" + resp.body;
  write_all(fd, raw);
  pause(resp.stall_after);
  return resp.keep_alive;
}

}  // namespace heliocloud::testing
