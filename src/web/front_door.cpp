#include "web/front_door.h"

#include <iostream>
#include <string_view>

#include "web/lambda_front_door.h"

namespace heliocloud::web {

base::Result<FrontDoor> choose_front_door(std::span<const char* const> args, const char* runtime_api) {
  using R = base::Result<FrontDoor>;
  if (runtime_api != nullptr && *runtime_api != '\0') {
    if (!args.empty()) return R::failure("command-line options are for the local server, not for Lambda");
    return R::success({.kind = FrontDoor::Kind::Lambda});
  }
  FrontDoor door;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    std::string_view value;
    if (arg == "--listen") {
      if (i + 1 == args.size()) return R::failure("--listen needs HOST:PORT, e.g. --listen 127.0.0.1:8080");
      value = args[++i];
    } else if (arg.starts_with("--listen=")) {
      value = arg.substr(9);
    } else if (arg == "--allow-non-loopback") {
      door.local.allow_non_loopback = true;
      continue;
    } else {
      return R::failure("unknown option '" + std::string(arg) + "'");
    }
    auto address = parse_listen_address(value);
    if (!address.ok()) return R::failure("--listen: " + address.error);
    door.local.listen = std::move(address.get());
  }
  return R::success(std::move(door));
}

int open_front_door(const App& app, const FrontDoor& door) {
  if (door.kind == FrontDoor::Kind::Lambda) return run_lambda(app);
  return run_local_server(app, door.local);
}

int usage_error(const std::string& error) {
  std::cerr
      << "error: " << error << "\n"
      << "usage: [--listen HOST:PORT] [--allow-non-loopback]\n"
      << "  --listen HOST:PORT     where the local server listens (default 127.0.0.1:8080; [::1]:8080 for "
         "IPv6)\n"
      << "  --allow-non-loopback   listen on an address other than loopback (plain HTTP: put TLS in front)\n"
      << "On Lambda (AWS_LAMBDA_RUNTIME_API set) the app serves ALB events and takes no options.\n";
  return 2;
}

}  // namespace heliocloud::web
