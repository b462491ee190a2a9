#include "registration/startup.h"

#include <cstdlib>
#include <iostream>
#include <string_view>

#include "aws/client_config.h"
#include "aws/cognito_idp.h"
#include "aws/secrets_manager.h"
#include "lambda_runtime/runtime.h"
#include "registration/registration_site.h"
#include "registration/settings.h"
#include "web/csrf.h"
#include "web/front_door.h"
#include "web/session_key.h"

namespace heliocloud::registration {
namespace {

// Says why the start failed: on stderr, and to Lambda when it is Lambda that started us.
int start_failed(bool on_lambda, const std::string& why) {
  std::cerr << "error: " << why << "\n";
  if (on_lambda) lambda_runtime::report_init_error("Runtime.ConfigurationError", why);
  return 1;
}

aws::ClientConfig aws_config(const Settings& settings) {
  aws::ClientConfig config = aws::ClientConfig::from_environment();
  if (!settings.region.empty()) {
    config.region = settings.region;
  } else if (const auto pool_region = region_of_user_pool(settings.user_pool_id); !pool_region.empty()) {
    config.region = pool_region;  // a pool lives in the region its id names
  }
  if (settings.endpoint_url) config.endpoint_url = settings.endpoint_url;
  return config;
}

}  // namespace

int run_registration(std::span<const char* const> args, const char* runtime_api) {
  const bool on_lambda = runtime_api != nullptr && *runtime_api != '\0';
  for (const std::string_view arg : args) {
    if (!on_lambda && (arg == "--help" || arg == "-h")) {
      std::cout << usage();
      return 0;
    }
  }
  auto settings = on_lambda ? settings_from_environment(std::getenv) : settings_from_command_line(args);
  if (!settings.ok()) {
    if (on_lambda) return start_failed(true, settings.error);
    std::cerr << "error: " << settings.error << "\n" << usage();
    return 2;
  }
  const auto& front_door_args = settings.value->front_door_args;
  const auto door =
      web::choose_front_door(on_lambda ? args : std::span<const char* const>(front_door_args), runtime_api);
  if (!door.ok()) {
    if (on_lambda) return start_failed(true, door.error);
    std::cerr << "error: " << door.error << "\n" << usage();
    return 2;
  }

  const aws::ClientConfig config = aws_config(*settings.value);
  std::string key;
  if (on_lambda) {
    const std::string& arn = settings.value->session_key_secret_arn;
    try {
      const auto secret = aws::SecretsManagerClient(config).get_secret_value(arn);
      auto read = web::session_key_from_secret(secret.secret_string, secret.secret_binary, arn);
      if (!read.ok()) return start_failed(true, read.error);
      key = std::move(*read.value);
    } catch (const std::exception& e) {
      return start_failed(true, "cannot read the session key from Secrets Manager: " + std::string(e.what()));
    }
  } else if (settings.value->session_key_file) {
    auto read = web::session_key_from_file(*settings.value->session_key_file);
    if (!read.ok()) return start_failed(false, read.error);
    key = std::move(*read.value);
  } else {
    key = web::random_key();
  }

  const aws::CognitoIdpClient cognito(config);
  aws::PasswordPolicy policy;
  try {
    policy = cognito.describe_user_pool(settings.value->user_pool_id).password_policy;
  } catch (const std::exception& e) {
    return start_failed(on_lambda, "cannot read the password policy of user pool " +
                                       settings.value->user_pool_id + ": " + e.what());
  }
  CognitoUserDirectory directory(cognito, settings.value->user_pool_id);
  // Plain http://127.0.0.1 locally, so the browser keeps the session cookie; Secure behind the load balancer
  // or a TLS proxy (the only reason to listen beyond loopback).
  const bool secure =
      door.value->kind == web::FrontDoor::Kind::Lambda || door.value->local.allow_non_loopback;
  const RegistrationSite site(directory, policy, {.csrf_key = std::move(key), .secure_cookies = secure});
  return web::open_front_door(site.app(), *door.value);
}

}  // namespace heliocloud::registration
