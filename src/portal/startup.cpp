#include "portal/startup.h"

#include <cstdlib>
#include <iostream>
#include <string_view>

#include "aws/client_config.h"
#include "aws/cognito_idp.h"
#include "aws/secrets_manager.h"
#include "contracts/portal.h"
#include "lambda_runtime/runtime.h"
#include "portal/portal_site.h"
#include "portal/settings.h"
#include "web/csrf.h"
#include "web/front_door.h"
#include "web/session_key.h"

namespace heliocloud::portal {
namespace {

int start_failed(bool on_lambda, const std::string& why) {
  std::cerr << "error: " << why << "\n";
  if (on_lambda) lambda_runtime::report_init_error("Runtime.ConfigurationError", why);
  return 1;
}

// The session key, the same on every instance of the function: Secrets Manager deployed; a file or a random
// key locally. Never logged.
base::Result<std::string> session_key(const Settings& s, const aws::ClientConfig& config, bool on_lambda) {
  if (on_lambda) {
    try {
      const auto secret = aws::SecretsManagerClient(config).get_secret_value(s.session_key_secret_arn);
      return web::session_key_from_secret(secret.secret_string, secret.secret_binary,
                                          s.session_key_secret_arn);
    } catch (const std::exception& e) {
      return base::Result<std::string>::failure("cannot read the session key " + s.session_key_secret_arn +
                                                ": " + e.what());
    }
  }
  if (s.session_key_file) return web::session_key_from_file(*s.session_key_file);
  return base::Result<std::string>::success(web::random_key());
}

}  // namespace

int run_portal(std::span<const char* const> args, const char* runtime_api) {
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
  const Settings& s = *settings.value;
  const auto door =
      web::choose_front_door(on_lambda ? args : std::span<const char* const>(s.front_door_args), runtime_api);
  if (!door.ok()) {
    if (on_lambda) return start_failed(true, door.error);
    std::cerr << "error: " << door.error << "\n" << usage();
    return 2;
  }

  aws::ClientConfig config = aws::ClientConfig::from_environment();
  if (!s.region.empty()) {
    config.region = s.region;
  } else if (const auto r = aws::user_pool_region(s.user_pool_id); !r.empty()) {
    config.region = r;
  }
  if (s.endpoint_url) config.endpoint_url = s.endpoint_url;

  auto key = session_key(s, config, on_lambda);
  if (!key.ok()) return start_failed(on_lambda, key.error);
  std::string client_secret;
  if (s.client_secret) {
    client_secret = *s.client_secret;
  } else {
    try {
      client_secret =
          aws::CognitoIdpClient(config).describe_user_pool_client(s.user_pool_id, s.client_id).client_secret;
    } catch (const std::exception& e) {
      return start_failed(on_lambda, "cannot read the secret of app client " + s.client_id + ": " + e.what());
    }
    if (client_secret.empty()) return start_failed(on_lambda, "app client " + s.client_id + " has no secret");
  }

  const bool secure =
      door.value->kind == web::FrontDoor::Kind::Lambda || door.value->local.allow_non_loopback;
  PortalOptions options{
      .csrf_key = std::move(*key.value),
      .secure_cookies = secure,
      .aws = config,
      .identity = {s.identity_pool_id, s.user_pool_id},
      .launch_target = s.launch_target,
      .sign_in = {.issuer = s.issuer.empty()
                                ? "https://cognito-idp." + config.region + ".amazonaws.com/" + s.user_pool_id
                                : s.issuer,
                  .domain = s.cognito_domain,
                  .client_id = s.client_id,
                  .client_secret = client_secret,
                  .redirect_uri = s.site_url + std::string(contracts::portal::kCallbackPath),
                  .logout_uri = s.site_url + "/"},
  };
  if (!s.instance_types.empty()) options.catalog.instance_types = s.instance_types;
  if (!s.images.empty()) options.catalog.images = s.images;
  options.dataset_buckets = s.dataset_buckets;
  try {
    const PortalSite site(std::move(options));
    return web::open_front_door(site.app(), *door.value);
  } catch (const std::invalid_argument& e) {  // sign-in options that do not add up
    return start_failed(on_lambda, e.what());
  }
}

}  // namespace heliocloud::portal
