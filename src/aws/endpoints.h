#pragma once
// Where a service lives: the public AWS endpoint for a region, or an override (ClientConfig::endpoint_url,
// AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL) such as a local emulator. Plus S3 bucket addressing.
#include <optional>
#include <string>
#include <string_view>

namespace heliocloud::aws {

struct ServiceInfo {
  std::string name;             // for messages: "S3", "DynamoDB"
  std::string signing_name;     // SigV4 service: "s3", "dynamodb", "lambda", "cloudformation", "sts", "ssm"
  std::string endpoint_prefix;  // host label: "s3", "dynamodb", ...
  std::string env_id;           // suffix of AWS_ENDPOINT_URL_<ID>: "S3", "DYNAMODB", ...
};

struct Url {
  std::string scheme;     // "https"
  std::string host;       // without port
  std::string port;       // empty when absent
  std::string base_path;  // "" or "/prefix" (no trailing slash)

  // host[:port] as sent in the Host header (a default port is left out, as curl does).
  std::string authority() const;
  std::string origin() const;  // scheme://authority
};
Url parse_url(std::string_view url);  // throws std::invalid_argument

struct ResolvedEndpoint {
  Url url;
  bool custom = false;  // came from an override rather than the AWS naming rules
};

// Precedence: explicit override, AWS_ENDPOINT_URL_<ID>, AWS_ENDPOINT_URL, then https://PREFIX.REGION.SUFFIX.
// Environment variables are skipped when use_env is false or AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true.
ResolvedEndpoint resolve_endpoint(const ServiceInfo& service, const std::string& region,
                                  const std::optional<std::string>& override_url, bool use_env = true);

std::string dns_suffix(std::string_view region);  // amazonaws.com, or amazonaws.com.cn for China regions

// True when the bucket can be a DNS label of a virtual host over TLS: 3-63 chars of [a-z0-9-], no dots
// (a dotted name breaks the *.s3 wildcard certificate), not formatted as an IP address.
bool s3_virtual_host_compatible(std::string_view bucket);
bool is_ip_address(std::string_view host);

}  // namespace heliocloud::aws
