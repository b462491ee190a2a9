#include "web/local_server.h"

#include <httplib.h>

#include <chrono>
#include <csignal>
#include <iostream>
#include <stdexcept>

#include "web/url_encoding.h"

namespace heliocloud::web {
namespace {

constexpr std::size_t kWorkers = 64;
constexpr std::size_t kKeepAliveRequests = 1000;

Request to_request(const httplib::Request& in) {
  Request out;
  out.method = in.method;
  // The raw target, not httplib's decoded path: the router decodes per segment, as for ALB events.
  const auto question = in.target.find('?');
  out.path = in.target.substr(0, question);
  if (question != std::string::npos)
    out.query = parse_urlencoded(std::string_view(in.target).substr(question + 1));
  for (const auto& [name, value] : in.headers) {
    // httplib adds these for its own bookkeeping; they were not sent by the client.
    if (name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT")
      continue;
    out.headers.add(name, value);
  }
  out.body = in.body;
  return out;
}

void to_httplib(const Response& in, httplib::Response& out) {
  out.status = in.status;
  out.headers.clear();
  std::string content_type;
  for (const auto& [name, value] : in.headers.entries()) {
    if (iequals(name, "Content-Type")) {
      content_type = value;
    } else if (!iequals(name, "Content-Length")) {
      out.set_header(name, value);
    }
  }
  if (!in.body.empty() || !content_type.empty()) {
    out.set_content(in.body, content_type.empty() ? "application/octet-stream" : content_type);
  } else {
    out.body.clear();
  }
}

}  // namespace

LocalServer::LocalServer(const App& app, LocalServerOptions options)
    : app_(app), options_(std::move(options)), server_(std::make_unique<httplib::Server>()) {}

LocalServer::~LocalServer() {
  stop();
}

int LocalServer::start() {
  const auto& host = options_.listen.host;
  if (!is_loopback(host)) {
    if (!options_.allow_non_loopback)
      throw std::runtime_error("refusing to listen on " + host +
                               ": not a loopback address (allow it explicitly)");
    // Cookies without Secure are for http://127.0.0.1 only.
    if (!app_.options().secure_cookies)
      throw std::runtime_error("refusing to listen on " + host + " with cookies that are not Secure");
  }
  server_->set_payload_max_length(app_.options().max_body_bytes);
  // httplib writes a response's head and body separately: without TCP_NODELAY the body waits for the
  // client's delayed ACK (about 40 ms per request on Linux).
  server_->set_tcp_nodelay(true);
  // A worker serves one keep-alive connection at a time, so the pool bounds how many browsers (or benchmark
  // connections) are served at once; httplib's default is 8.
  server_->new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  server_->set_keep_alive_max_count(kKeepAliveRequests);
  const auto serve = [this](const httplib::Request& req, httplib::Response& res) {
    to_httplib(app_.handle(to_request(req)), res);
  };
  constexpr const char* kAny = ".*";
  server_->Get(kAny, serve);
  server_->Post(kAny, serve);
  server_->Put(kAny, serve);
  server_->Patch(kAny, serve);
  server_->Delete(kAny, serve);
  server_->Options(kAny, serve);
  // httplib answers some requests itself (a body over the limit: 413; an unknown method: 400). Give those our
  // error page, headers and log line; ours carry X-Request-Id and are left alone.
  const httplib::Server::HandlerWithResponse on_error = [this](const httplib::Request& req,
                                                               httplib::Response& res) {
    if (res.has_header("X-Request-Id")) return httplib::Server::HandlerResponse::Unhandled;
    Request request = to_request(req);
    request.body.clear();
    to_httplib(app_.reject(std::move(request), res.status), res);
    return httplib::Server::HandlerResponse::Handled;
  };
  server_->set_error_handler(on_error);

  int port = options_.listen.port;
  if (port == 0) {
    port = server_->bind_to_any_port(host);
    if (port < 0) throw std::runtime_error("cannot bind " + host + " to a free port");
  } else if (!server_->bind_to_port(host, port)) {
    throw std::runtime_error("cannot bind " + host + ":" + std::to_string(port));
  }
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // stop() only interrupts a server that is running, so do not return before it is.
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return port;
}

void LocalServer::stop() {
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
}

int run_local_server(const App& app, const LocalServerOptions& options) {
  // Block the signals before any thread starts, so every thread inherits the mask and sigwait() below is
  // the one place they arrive: no async-signal-safety puzzles.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  LocalServer server(app, options);
  try {
    const int port = server.start();
    std::cerr << "listening on http://" << options.listen.host << ":" << port << "/\n";
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  int received = 0;
  sigwait(&signals, &received);
  std::cerr << "stopping\n";
  server.stop();
  return 0;
}

}  // namespace heliocloud::web
