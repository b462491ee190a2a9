#include "aws/endpoints.h"

#include <arpa/inet.h>

#include <stdexcept>

#include "aws/shared_config.h"

namespace heliocloud::aws {

std::string Url::authority() const {
  const bool default_port =
      port.empty() || (scheme == "https" && port == "443") || (scheme == "http" && port == "80");
  return default_port ? host : host + ":" + port;
}

std::string Url::origin() const {
  return scheme + "://" + authority();
}

Url parse_url(std::string_view url) {
  Url out;
  const auto sep = url.find("://");
  if (sep == std::string_view::npos)
    throw std::invalid_argument("endpoint URL without a scheme: " + std::string(url));
  out.scheme = std::string(url.substr(0, sep));
  if (out.scheme != "http" && out.scheme != "https") {
    throw std::invalid_argument("endpoint URL scheme must be http or https: " + std::string(url));
  }
  std::string_view rest = url.substr(sep + 3);
  const auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (slash != std::string_view::npos) {
    std::string_view path = rest.substr(slash);
    while (!path.empty() && path.back() == '/') path.remove_suffix(1);
    out.base_path = std::string(path);
  }
  if (!authority.empty() && authority.front() == '[') {  // IPv6 literal
    const auto close = authority.find(']');
    if (close == std::string_view::npos)
      throw std::invalid_argument("bad IPv6 endpoint: " + std::string(url));
    out.host = std::string(authority.substr(0, close + 1));
    if (close + 1 < authority.size() && authority[close + 1] == ':')
      out.port = std::string(authority.substr(close + 2));
  } else {
    const auto colon = authority.rfind(':');
    out.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) out.port = std::string(authority.substr(colon + 1));
  }
  if (out.host.empty()) throw std::invalid_argument("endpoint URL without a host: " + std::string(url));
  return out;
}

std::string dns_suffix(std::string_view region) {
  return region.starts_with("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
}

ResolvedEndpoint resolve_endpoint(const ServiceInfo& service, const std::string& region,
                                  const std::optional<std::string>& override_url, bool use_env) {
  if (override_url && !override_url->empty()) return {.url = parse_url(*override_url), .custom = true};
  const auto ignore = get_env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
  if (use_env && !(ignore && (*ignore == "true" || *ignore == "1"))) {
    const std::string specific = "AWS_ENDPOINT_URL_" + service.env_id;
    if (auto v = get_env(specific.c_str())) return {.url = parse_url(*v), .custom = true};
    if (auto v = get_env("AWS_ENDPOINT_URL")) return {.url = parse_url(*v), .custom = true};
  }
  if (region.empty()) throw std::invalid_argument("no region configured for " + service.name);
  return {.url = parse_url("https://" + service.endpoint_prefix + "." + region + "." + dns_suffix(region)),
          .custom = false};
}

bool is_ip_address(std::string_view host) {
  std::string h(host);
  if (h.size() > 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  unsigned char buf[16];
  return inet_pton(AF_INET, h.c_str(), buf) == 1 || inet_pton(AF_INET6, h.c_str(), buf) == 1;
}

bool s3_virtual_host_compatible(std::string_view bucket) {
  if (bucket.size() < 3 || bucket.size() > 63) return false;
  for (char c : bucket) {
    if ((c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-') return false;
  }
  return bucket.front() != '-' && bucket.back() != '-' && !is_ip_address(bucket);
}

}  // namespace heliocloud::aws
