#pragma once
// The layer every service client shares: endpoint, SigV4 signing, sending, retries and error mapping.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "aws/client_config.h"
#include "aws/endpoints.h"
#include "aws/sigv4.h"
#include "http/client.h"

namespace heliocloud::aws {

struct ServiceRequest {
  std::string operation;  // for errors: "GetObject"
  std::string method = "GET";
  std::optional<Url> endpoint;  // another origin than the client's (an S3 virtual host)
  std::string path = "/";       // already percent-encoded, without the endpoint's base path
  sigv4::QueryParams query;     // decoded
  sigv4::Headers headers;
  std::string_view body;
  std::optional<http::FileRange> body_file;
  std::optional<std::filesystem::path> response_file;
  // May the call be repeated after the service possibly acted on it? Throttles and connect failures are
  // retried either way.
  bool idempotent = true;
  // S3: sign "UNSIGNED-PAYLOAD" instead of hashing the body (large file parts need not be read twice).
  bool unsigned_payload = false;
  // S3 operations that can fail after a 200 header and report it as an <Error> body.
  bool error_in_200 = false;
};

class ServiceClient {
 public:
  ServiceClient(ClientConfig config, ServiceInfo info);

  // Signs, sends, retries per the policy; returns a 2xx response or throws an AwsError subclass.
  http::Response send(const ServiceRequest& request) const;

  const ClientConfig& config() const noexcept { return config_; }
  const ServiceInfo& info() const noexcept { return info_; }
  const ResolvedEndpoint& endpoint() const noexcept { return endpoint_; }
  Credentials credentials() const;

 private:
  http::Request build(const ServiceRequest& request, const Credentials& creds) const;
  ErrorInfo transport_error(const ServiceRequest& request, const http::TransportError& e) const;

  ClientConfig config_;
  ServiceInfo info_;
  ResolvedEndpoint endpoint_;
};

}  // namespace heliocloud::aws
