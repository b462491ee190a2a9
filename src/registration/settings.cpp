#include "registration/settings.h"

#include <string_view>

#include "contracts/registration_page.h"

namespace heliocloud::registration {
namespace {

// Cognito user pool ids: REGION_ID, e.g. us-east-1_AbC123.
bool is_user_pool_id(const std::string& id) {
  const auto underscore = id.find('_');
  if (underscore == std::string::npos || underscore == 0 || underscore + 1 == id.size()) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && (i >= underscore || c != '-') && i != underscore) return false;
  }
  return true;
}

}  // namespace

base::Result<Settings> settings_from_command_line(std::span<const char* const> args) {
  using R = base::Result<Settings>;
  Settings s;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    const auto value_of = [&](std::string_view option) -> std::optional<std::string> {
      if (arg == option) {
        if (i + 1 == args.size()) return std::nullopt;
        return std::string(args[++i]);
      }
      return std::string(arg.substr(option.size() + 1));  // --option=value
    };
    const auto matches = [&](std::string_view option) {
      return arg == option ||
             (arg.starts_with(option) && arg.size() > option.size() && arg[option.size()] == '=');
    };
    if (matches("--user-pool-id")) {
      auto v = value_of("--user-pool-id");
      if (!v || !is_user_pool_id(*v)) {
        return R::failure("--user-pool-id needs the Cognito user pool id, REGION_ID (e.g. us-east-1_AbC123)" +
                          (v ? ", not '" + *v + "'" : std::string()));
      }
      s.user_pool_id = *v;
    } else if (matches("--region")) {
      auto v = value_of("--region");
      if (!v || v->empty()) return R::failure("--region needs an AWS region, e.g. --region us-east-1");
      s.region = *v;
    } else if (matches("--endpoint-url")) {
      auto v = value_of("--endpoint-url");
      if (!v || !(v->starts_with("http://") || v->starts_with("https://"))) {
        return R::failure(
            "--endpoint-url needs an http:// or https:// URL, e.g. --endpoint-url "
            "http://127.0.0.1:5000 for moto");
      }
      s.endpoint_url = *v;
    } else if (matches("--session-key-file")) {
      auto v = value_of("--session-key-file");
      if (!v || v->empty()) return R::failure("--session-key-file needs the path of a file with the key");
      s.session_key_file = *v;
    } else if (matches("--listen")) {
      s.front_door_args.push_back(args[i]);
      if (arg == "--listen" && i + 1 < args.size()) s.front_door_args.push_back(args[++i]);
    } else {
      s.front_door_args.push_back(args[i]);  // the front door names what it does not know
    }
  }
  if (s.user_pool_id.empty())
    return R::failure("--user-pool-id is required (the Cognito user pool to register users in)");
  return R::success(std::move(s));
}

base::Result<Settings> settings_from_environment(const std::function<const char*(const char*)>& getenv) {
  using R = base::Result<Settings>;
  contracts::registration_page::FunctionEnvironment<std::string> env;
  std::string missing;
  contracts::registration_page::FunctionEnvironment<std::string>::for_each_variable(
      env, [&](std::string_view name, std::string& value) {
        const char* text = getenv(std::string(name).c_str());
        if (text == nullptr || *text == '\0') {
          missing += (missing.empty() ? "" : ", ") + std::string(name);
        } else {
          value = text;
        }
      });
  if (!missing.empty())
    return R::failure("the function's environment lacks " + missing +
                      " (set by the Registration Page stack)");
  if (!is_user_pool_id(env.user_pool_id)) {
    return R::failure("USER_POOL_ID is '" + env.user_pool_id +
                      "', not a Cognito user pool id (REGION_ID, e.g. us-east-1_AbC123)");
  }
  Settings s;
  s.user_pool_id = env.user_pool_id;
  s.session_key_secret_arn = env.session_key_secret_arn;
  return R::success(std::move(s));
}

std::string usage() {
  return "usage: heliocloud-registration --user-pool-id ID [--region R] [--endpoint-url URL]\n"
         "                               [--session-key-file F] [--listen HOST:PORT] [--allow-non-loopback]\n"
         "  --user-pool-id ID       the Cognito user pool new users are created in (disabled)\n"
         "  --region R              its region (default: the pool id's, e.g. us-east-1 of us-east-1_AbC123)\n"
         "  --endpoint-url URL      an AWS emulator instead of AWS, e.g. http://127.0.0.1:5000 for moto\n"
         "  --session-key-file F    the key of the CSRF tokens (at least 32 bytes); default: a random key\n"
         "                          for this process\n"
         "  --listen HOST:PORT      where the local server listens (default 127.0.0.1:8080)\n"
         "  --allow-non-loopback    listen beyond loopback (plain HTTP: put TLS in front)\n"
         "On Lambda (AWS_LAMBDA_RUNTIME_API set) it takes no options and reads USER_POOL_ID and\n"
         "SESSION_KEY_SECRET_ARN from its environment.\n";
}

}  // namespace heliocloud::registration
