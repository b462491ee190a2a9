#pragma once
// What every service client is built from. One http::Client (and so one connection pool) can be shared.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "aws/credentials.h"
#include "aws/endpoints.h"
#include "aws/retry.h"
#include "http/client.h"

namespace heliocloud::aws {

struct ClientConfig {
  std::string region;
  // Overrides the endpoint of every service built from this config (and the AWS_ENDPOINT_URL* variables).
  std::optional<std::string> endpoint_url;
  // Read AWS_ENDPOINT_URL_<SERVICE> / AWS_ENDPOINT_URL when endpoint_url is not set.
  bool use_env_endpoints = true;
  std::shared_ptr<CredentialsProvider> credentials;
  RetryPolicy retry;
  http::Timeouts timeouts;
  // Upper bound of parallel requests for the bulk/transfer helpers (a call can ask for less).
  std::size_t max_concurrency = 16;
  // S3: always path-style (custom endpoints, IP hosts and dotted bucket names are path-style anyway).
  bool s3_force_path_style = false;
  std::shared_ptr<http::Client> http;  // created on first use when null

  // Region from AWS_REGION / AWS_DEFAULT_REGION / the active profile (else us-east-1), the default
  // credentials chain, and a fresh http::Client.
  static ClientConfig from_environment();
};

// For a service with one endpoint whatever the caller's region (IAM, Cost Explorer, the Price List API):
// `config` sent to `url`, unless an override (endpoint_url, or AWS_ENDPOINT_URL[_<ID>] when allowed) points
// elsewhere, such as a local emulator, which is kept; signed for `signing_region` either way.
ClientConfig with_fixed_endpoint(ClientConfig config, const ServiceInfo& service, const std::string& url,
                                 const std::string& signing_region);

// AWS_REGION, AWS_DEFAULT_REGION, then "region" of the active profile; empty when none is set.
std::string region_from_environment();

}  // namespace heliocloud::aws
