#pragma once
// How heliocloud-registration is configured. Deployed (on Lambda) by the function's environment, which the
// Registration Page stack sets (contracts/registration_page.h); locally by the command line:
//
//   heliocloud-registration --user-pool-id ID [--region R] [--endpoint-url URL] [--session-key-file F]
//                           [--listen HOST:PORT] [--allow-non-loopback]
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/result.h"

namespace heliocloud::registration {

struct Settings {
  std::string user_pool_id;
  std::string region;                       // empty: the pool id's region, else the environment's
  std::optional<std::string> endpoint_url;  // a local emulator (moto) instead of AWS
  // Deployed: the Secrets Manager secret whose value keys the CSRF tokens.
  std::string session_key_secret_arn;
  // Local: a file with the key; without one a random key per process.
  std::optional<std::string> session_key_file;
  // Local: what the front door reads (--listen, --allow-non-loopback), passed on as given.
  std::vector<const char*> front_door_args;
};

// The local command line (without the program name). Errors name the option and what it expects.
[[nodiscard]] base::Result<Settings> settings_from_command_line(std::span<const char* const> args);

// The function's environment (USER_POOL_ID, SESSION_KEY_SECRET_ARN); `getenv` is std::getenv outside tests.
[[nodiscard]] base::Result<Settings> settings_from_environment(
    const std::function<const char*(const char*)>& getenv);

// The usage text for --help and usage errors.
[[nodiscard]] std::string usage();

}  // namespace heliocloud::registration
