#include "web/app_startup.h"

#include <iostream>
#include <string_view>

#include "aws/cognito_idp.h"
#include "aws/secrets_manager.h"
#include "lambda_runtime/runtime.h"
#include "web/front_door.h"
#include "web/session_key.h"

namespace heliocloud::web {
namespace {

// Says why the start failed: on stderr, and to Lambda when it is Lambda that started us.
int start_failed(bool on_lambda, const std::string& why) {
  std::cerr << "error: " << why << "\n";
  if (on_lambda) lambda_runtime::report_init_error("Runtime.ConfigurationError", why);
  return 1;
}

// A mistake on the command line is the user's to fix: the reason and how to call us. On Lambda it is the
// stack's environment, so it is a failed start like any other.
int bad_usage(bool on_lambda, const std::string& why, const std::string& usage) {
  if (on_lambda) return start_failed(true, why);
  std::cerr << "error: " << why << "\n" << usage;
  return 2;
}

aws::ClientConfig client_config(const StartSettings& settings) {
  aws::ClientConfig config = aws::ClientConfig::from_environment();
  if (!settings.region.empty()) {
    config.region = settings.region;
  } else if (const auto pool_region = aws::user_pool_region(settings.user_pool_id); !pool_region.empty()) {
    config.region = pool_region;  // a pool lives in the region its id names
  }
  if (settings.endpoint_url) config.endpoint_url = settings.endpoint_url;
  return config;
}

// The same key on every instance of the function, so a session started on one is valid on the next.
base::Result<std::string> session_key(const StartSettings& settings, const aws::ClientConfig& config,
                                      bool on_lambda) {
  if (on_lambda) {
    const std::string& arn = settings.session_key_secret_arn;
    try {
      const auto secret = aws::SecretsManagerClient(config).get_secret_value(arn);
      return session_key_from_secret(secret.secret_string, secret.secret_binary, arn);
    } catch (const std::exception& e) {
      return base::Result<std::string>::failure("cannot read the session key from Secrets Manager (" + arn +
                                                "): " + e.what());
    }
  }
  if (settings.session_key_file) return session_key_from_file(*settings.session_key_file);
  return base::Result<std::string>::success(random_key());
}

}  // namespace

int start_web_app(std::span<const char* const> args, const char* runtime_api, const WebAppStartup& app) {
  const bool on_lambda = runtime_api != nullptr && *runtime_api != '\0';
  if (!on_lambda) {
    for (const std::string_view arg : args) {
      if (arg == "--help" || arg == "-h") {
        std::cout << app.usage;
        return 0;
      }
    }
  }
  const auto settings = app.read_settings(on_lambda, args);
  if (!settings.ok()) return bad_usage(on_lambda, settings.error, app.usage);
  const auto door = choose_front_door(
      on_lambda ? args : std::span<const char* const>(settings.get().front_door_args), runtime_api);
  if (!door.ok()) return bad_usage(on_lambda, door.error, app.usage);

  StartContext context{.on_lambda = on_lambda, .aws = client_config(settings.get())};
  auto key = session_key(settings.get(), context.aws, on_lambda);
  if (!key.ok()) return start_failed(on_lambda, key.error);
  context.session_key = std::move(key.get());
  context.secure_cookies = door.get().kind == FrontDoor::Kind::Lambda || door.get().local.allow_non_loopback;
  try {
    return app.run(context, [&door](const App& site) { return open_front_door(site, door.get()); });
  } catch (const StartError& e) {
    return start_failed(on_lambda, e.what());
  } catch (const std::invalid_argument& e) {  // options that do not add up
    return start_failed(on_lambda, e.what());
  }
}

}  // namespace heliocloud::web
