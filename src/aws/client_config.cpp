#include "aws/client_config.h"

#include "aws/shared_config.h"

namespace heliocloud::aws {

std::string region_from_environment() {
  if (auto r = get_env("AWS_REGION")) return *r;
  if (auto r = get_env("AWS_DEFAULT_REGION")) return *r;
  const auto profiles = load_shared_profiles();
  if (const auto it = profiles.find(active_profile_name()); it != profiles.end()) {
    if (const auto r = it->second.find("region"); r != it->second.end()) return r->second;
  }
  return {};
}

ClientConfig ClientConfig::from_environment() {
  ClientConfig c;
  c.region = region_from_environment();
  if (c.region.empty()) c.region = "us-east-1";
  c.credentials = default_credentials_provider();
  c.http = std::make_shared<http::Client>();
  return c;
}

ClientConfig with_fixed_endpoint(ClientConfig config, const ServiceInfo& service, const std::string& url,
                                 const std::string& signing_region) {
  const auto resolved =
      resolve_endpoint(service, config.region, config.endpoint_url, config.use_env_endpoints);
  // Pin an override (a VPC endpoint, an emulator), so it does not depend on the environment read again later.
  config.endpoint_url = resolved.custom ? resolved.url.origin() + resolved.url.base_path : url;
  // The service signs for its home region, behind an override too.
  config.region = signing_region;
  return config;
}

}  // namespace heliocloud::aws
