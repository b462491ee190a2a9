// The OIDC stand-in as a program, for browser tests and a local demo of an app's sign-in:
//   oidc_stand_in --redirect-uri http://127.0.0.1:8080/auth/callback --logout-uri http://127.0.0.1:8080/
// prints "issuer=http://127.0.0.1:<port>" on stdout once it listens, and serves until SIGINT or SIGTERM.
#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>

#include "oidc_stand_in.h"

int main(int argc, char** argv) {
  heliocloud::testing::OidcStandInOptions options;
  std::int64_t lifetime = options.token_lifetime.count();
  CLI::App cli("A local stand-in for a Cognito user pool's hosted UI and OAuth endpoints (tests, demos).");
  cli.add_option("--client-id", options.client_id, "the app client's id")->capture_default_str();
  cli.add_option("--client-secret", options.client_secret, "the app client's secret")->capture_default_str();
  cli.add_option("--redirect-uri", options.redirect_uris, "an allowed callback URL (repeatable)")->required();
  cli.add_option("--logout-uri", options.logout_uris, "an allowed sign-out URL (repeatable)");
  cli.add_option("--username", options.user.username, "the test user's name")->capture_default_str();
  cli.add_option("--email", options.user.email, "the test user's e-mail")->capture_default_str();
  cli.add_option("--group", options.user.groups, "the test user's groups (repeatable)");
  cli.add_option("--port", options.port, "port on 127.0.0.1 (0: a free one)")->capture_default_str();
  cli.add_option("--token-lifetime", lifetime, "seconds the id and access tokens live")
      ->capture_default_str();
  CLI11_PARSE(cli, argc, argv);
  options.token_lifetime = std::chrono::seconds{lifetime};

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  heliocloud::testing::OidcStandIn stand_in(options);
  try {
    stand_in.start();
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  std::cout << "issuer=" << stand_in.url() << '\n' << std::flush;  // the caller waits for this line
  int received = 0;
  sigwait(&signals, &received);
  stand_in.stop();
  return 0;
}
