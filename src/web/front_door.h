#pragma once
// Which front door a web app binary opens: on Lambda (AWS_LAMBDA_RUNTIME_API is set) the ALB adapter on the
// runtime loop; anywhere else the local server, `--listen 127.0.0.1:8080` by default. The choice comes
// first, because the main builds its App for it (a CSRF key from Secrets Manager deployed, a random one and
// maybe non-Secure cookies locally):
//
//   int main(int argc, char** argv) {
//     auto door = web::choose_front_door({argv + 1, argv + argc}, std::getenv("AWS_LAMBDA_RUNTIME_API"));
//     if (!door.ok()) return web::usage_error(door.error);
//     const web::App app = make_my_app(door.get().kind);
//     return web::open_front_door(app, door.get());
//   }
#include <span>
#include <string>

#include "base/result.h"
#include "web/app.h"
#include "web/local_server.h"

namespace heliocloud::web {

struct FrontDoor {
  enum class Kind { Lambda, Local };
  Kind kind = Kind::Local;
  LocalServerOptions local = {};  // Local only
};

// args: the command line without the program name. Options: --listen HOST:PORT (or --listen=HOST:PORT),
// --allow-non-loopback. On Lambda there are none. Errors say what is wrong and what is expected.
[[nodiscard]] base::Result<FrontDoor> choose_front_door(std::span<const char* const> args,
                                                        const char* runtime_api);

// Serves `app` through `door` until Lambda ends the sandbox or the local server gets SIGINT/SIGTERM.
int open_front_door(const App& app, const FrontDoor& door);

// Prints `error` and the usage on stderr; returns 2, the exit status for a usage error.
int usage_error(const std::string& error);

}  // namespace heliocloud::web
