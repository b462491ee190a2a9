#pragma once
// Front door 1: the app as an HTTP server for local development and tests (cpp-httplib). Plain HTTP, so by
// default it listens on loopback only; another address needs allow_non_loopback (e.g. inside a container
// behind a TLS proxy), and never with the app's insecure (non-Secure) cookies.
#include <memory>
#include <thread>

#include "web/app.h"
#include "web/listen_address.h"

namespace httplib {
class Server;
}

namespace heliocloud::web {

struct LocalServerOptions {
  ListenAddress listen = {};
  bool allow_non_loopback = false;
};

class LocalServer {
 public:
  // `app` must outlive the server.
  LocalServer(const App& app, LocalServerOptions options);
  ~LocalServer();
  LocalServer(const LocalServer&) = delete;
  LocalServer& operator=(const LocalServer&) = delete;

  // Binds and starts serving on a background thread; returns the bound port (the chosen one for port 0).
  // Throws std::runtime_error when the address is refused or cannot be bound.
  int start();
  // Stops accepting, lets requests in progress finish, joins the thread. Idempotent.
  void stop();

 private:
  const App& app_;
  LocalServerOptions options_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
};

// For a local main: serves until SIGINT or SIGTERM, then stops gracefully. Returns the exit status
// (non-zero when the server could not start; the reason goes to stderr).
int run_local_server(const App& app, const LocalServerOptions& options);

}  // namespace heliocloud::web
