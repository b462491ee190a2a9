#include "portal/settings.h"

#include <map>
#include <string_view>

#include "base/text.h"
#include "contracts/portal.h"

namespace heliocloud::portal {
namespace {

using R = base::Result<Settings>;

bool is_url(const std::string& v) {
  return v.starts_with("http://") || v.starts_with("https://");
}

}  // namespace

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  for (const char c : text + ",") {
    if (c == ',') {
      while (!item.empty() && item.back() == ' ') item.pop_back();
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else if (!item.empty() || c != ' ') {
      item += c;
    }
  }
  return out;
}

base::Result<Settings> settings_from_command_line(std::span<const char* const> args) {
  Settings s;
  // option -> where its value goes; checks come after.
  std::map<std::string, std::string*, std::less<>> text_options = {
      {"--region", &s.region},
      {"--user-pool-id", &s.user_pool_id},
      {"--client-id", &s.client_id},
      {"--identity-pool-id", &s.identity_pool_id},
      {"--issuer", &s.issuer},
      {"--cognito-domain", &s.cognito_domain},
      {"--site-url", &s.site_url},
      {"--subnet-id", &s.launch_target.subnet_id},
      {"--security-group-id", &s.launch_target.security_group_id},
      {"--instance-profile-arn", &s.launch_target.instance_profile_arn}};
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    std::optional<std::string> inline_value;
    if (const auto eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
      inline_value = arg.substr(eq + 1);
      arg.resize(eq);
    }
    const auto value = [&]() -> std::optional<std::string> {
      if (inline_value) return inline_value;
      if (i + 1 < args.size()) return std::string(args[++i]);
      return std::nullopt;
    };
    if (arg == "--listen") {
      const std::size_t at = i;
      const auto v = value();
      if (!v) return R::failure("--listen needs HOST:PORT, e.g. --listen 127.0.0.1:8080");
      s.listen = *v;
      for (std::size_t k = at; k <= i; ++k) s.front_door_args.push_back(args[k]);
      continue;
    }
    const bool known = text_options.contains(arg) || arg == "--endpoint-url" || arg == "--client-secret" ||
                       arg == "--session-key-file" || arg == "--instance-types" || arg == "--image" ||
                       arg == "--dataset-buckets";
    if (!known) {
      s.front_door_args.push_back(args[i]);  // the front door names what it does not know
      continue;
    }
    const auto v = value();
    if (!v || v->empty()) return R::failure(arg + " needs a value (--help lists the options)");
    if (const auto it = text_options.find(arg); it != text_options.end()) {
      *it->second = *v;
    } else if (arg == "--endpoint-url") {
      if (!is_url(*v))
        return R::failure("--endpoint-url needs an http:// or https:// URL, e.g. http://127.0.0.1:5000");
      s.endpoint_url = *v;
    } else if (arg == "--client-secret") {
      s.client_secret = *v;
    } else if (arg == "--session-key-file") {
      s.session_key_file = *v;
    } else if (arg == "--dataset-buckets") {
      s.dataset_buckets = split_list(*v);
    } else if (arg == "--instance-types") {
      s.instance_types = split_list(*v);
    } else {  // --image LABEL=/ssm/parameter
      const auto eq = v->find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == v->size() || (*v)[eq + 1] != '/')
        return R::failure("--image needs LABEL=/ssm/parameter/name, not '" + *v + "'");
      s.images.push_back({.label = v->substr(0, eq), .parameter = v->substr(eq + 1)});
    }
  }
  for (const char* required : {"--user-pool-id", "--client-id", "--identity-pool-id", "--cognito-domain"}) {
    if (text_options.at(required)->empty()) return R::failure(std::string(required) + " is required");
  }
  if (!is_url(s.cognito_domain))
    return R::failure("--cognito-domain needs the hosted UI's URL (https://...)");
  if (!s.issuer.empty() && !is_url(s.issuer)) return R::failure("--issuer needs a URL");
  if (s.site_url.empty()) s.site_url = "http://" + s.listen;
  if (!is_url(s.site_url)) return R::failure("--site-url needs a URL, e.g. http://127.0.0.1:8080");
  return R::success(std::move(s));
}

base::Result<Settings> settings_from_environment(const std::function<const char*(const char*)>& getenv) {
  using Env = contracts::portal::FunctionEnvironment<std::string>;
  Env env;
  std::string missing;
  Env::for_each_variable(env, [&](std::string_view name, std::string& value) {
    const char* text = getenv(std::string(name).c_str());
    if (text != nullptr) value = text;
    // DATASET_BUCKETS may be empty (a HelioCloud without a Registry); every other variable is needed.
    if (value.empty() && name != "DATASET_BUCKETS")
      missing += (missing.empty() ? "" : ", ") + std::string(name);
  });
  if (!missing.empty())
    return R::failure("the function's environment lacks " + missing + " (set by the Portal stack)");
  Settings s;
  s.user_pool_id = env.user_pool_id;
  s.client_id = env.user_pool_client_id;
  s.cognito_domain = env.cognito_domain;
  s.identity_pool_id = env.identity_pool_id;
  s.site_url = env.site_url;
  s.session_key_secret_arn = env.session_key_secret_arn;
  const auto subnets = split_list(env.instance_subnet_ids);
  s.launch_target = {.subnet_id = subnets.empty() ? std::string() : subnets.front(),
                     .security_group_id = env.instance_security_group_id,
                     .instance_profile_arn = env.instance_profile_arn};
  s.dataset_buckets = split_list(env.dataset_buckets);
  if (s.launch_target.subnet_id.empty()) return R::failure("INSTANCE_SUBNET_IDS names no subnet");
  if (!is_url(s.cognito_domain)) return R::failure("COGNITO_DOMAIN is not a URL: '" + s.cognito_domain + "'");
  if (!is_url(s.site_url)) return R::failure("SITE_URL is not a URL: '" + s.site_url + "'");
  return R::success(std::move(s));
}

std::string usage() {
  return "usage: heliocloud-portal --user-pool-id ID --client-id ID --identity-pool-id ID --cognito-domain "
         "URL\n"
         "                         [--client-secret S] [--issuer URL] [--site-url URL] [--region R]\n"
         "                         [--endpoint-url URL] [--session-key-file F] [--subnet-id ID]\n"
         "                         [--security-group-id ID] [--instance-profile-arn ARN]\n"
         "                         [--instance-types t3.micro,t3.small] [--image LABEL=/ssm/parameter]...\n"
         "                         [--dataset-buckets BUCKET,...]\n"
         "                         [--listen HOST:PORT] [--allow-non-loopback]\n"
         "  --client-secret S     the app client's secret (default: read with DescribeUserPoolClient)\n"
         "  --issuer URL          the token issuer (default: the user pool's); the OIDC stand-in's URL "
         "locally\n"
         "  --cognito-domain URL  the hosted UI (/oauth2/authorize, /oauth2/token, /logout)\n"
         "  --site-url URL        where browsers reach the portal (default http://<listen address>)\n"
         "  --endpoint-url URL    an AWS emulator, e.g. http://127.0.0.1:5000 for moto\n"
         "  --session-key-file F  the key of the session and CSRF cookies (>= 32 bytes; default: random)\n"
         "  --image LABEL=PARAM   an image offered at launch, by the SSM parameter naming its AMI "
         "(repeatable;\n"
         "                        default: Amazon Linux 2023 and Ubuntu 24.04 LTS)\n"
         "  --dataset-buckets B,C the Registry's dataset buckets shown under Datasets (their catalog.json)\n"
         "On Lambda (AWS_LAMBDA_RUNTIME_API set) it takes no options and reads its environment\n"
         "(USER_POOL_ID, USER_POOL_CLIENT_ID, COGNITO_DOMAIN, IDENTITY_POOL_ID, SITE_URL, "
         "SESSION_KEY_SECRET_ARN,\n"
         "INSTANCE_SECURITY_GROUP_ID, INSTANCE_PROFILE_ARN, INSTANCE_SUBNET_IDS, DATASET_BUCKETS).\n";
}

}  // namespace heliocloud::portal
