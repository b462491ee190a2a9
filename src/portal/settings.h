#pragma once
// How heliocloud-portal is configured. Deployed (on Lambda) by the function's environment, which the
// Portal stack sets (contracts/portal.h), plus the client secret (DescribeUserPoolClient) and the session
// key (Secrets Manager) read at cold start; locally by the command line (usage()).
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/result.h"
#include "portal/catalog.h"
#include "portal/machine_actions.h"

namespace heliocloud::portal {

struct Settings {
  std::string region;                       // empty: the user pool id's region
  std::optional<std::string> endpoint_url;  // a local emulator (moto) instead of AWS
  std::string user_pool_id;
  std::string client_id;
  std::optional<std::string> client_secret;  // local only; else DescribeUserPoolClient
  std::string identity_pool_id;
  std::string issuer;          // empty: https://cognito-idp.<region>.amazonaws.com/<user pool id>
  std::string cognito_domain;  // the hosted UI's origin
  std::string site_url;        // empty locally: http://<listen address>
  std::string session_key_secret_arn;
  std::optional<std::string> session_key_file;
  LaunchTarget launch_target;
  std::vector<std::string> instance_types;  // empty: default_instance_types()
  std::vector<ImageSource> images;          // empty: default_image_sources()
  std::vector<std::string> dataset_buckets;
  std::vector<const char*> front_door_args;  // --listen, --allow-non-loopback, passed on
  std::string listen = "127.0.0.1:8080";
};

[[nodiscard]] base::Result<Settings> settings_from_command_line(std::span<const char* const> args);
[[nodiscard]] base::Result<Settings> settings_from_environment(
    const std::function<const char*(const char*)>& getenv);
[[nodiscard]] std::string usage();

// "a,b,,c " -> {"a", "b", "c"}.
[[nodiscard]] std::vector<std::string> split_list(const std::string& text);

}  // namespace heliocloud::portal
