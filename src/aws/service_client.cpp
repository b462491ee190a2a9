#include "aws/service_client.h"

#include <algorithm>
#include <optional>

#include "aws/error_parser.h"
#include "base/digest.h"
#include "base/retry.h"

namespace heliocloud::aws {
namespace {

std::string transport_code(http::TransportFailure kind) {
  switch (kind) {
    case http::TransportFailure::ConnectFailed:
      return "ConnectionFailed";
    case http::TransportFailure::ResolveFailed:
      return "ResolveFailed";
    case http::TransportFailure::Timeout:
      return "Timeout";
    case http::TransportFailure::Truncated:
      return "Truncated";
    case http::TransportFailure::Reset:
      return "ConnectionReset";
    case http::TransportFailure::Tls:
      return "TlsError";
    case http::TransportFailure::Other:
      return "TransportError";
  }
  return "TransportError";
}

}  // namespace

ServiceClient::ServiceClient(ClientConfig config, ServiceInfo info)
    : config_(std::move(config)),
      info_(std::move(info)),
      endpoint_(resolve_endpoint(info_, config_.region, config_.endpoint_url, config_.use_env_endpoints)) {
  if (!config_.http) config_.http = std::make_shared<http::Client>();
  if (!config_.credentials) config_.credentials = default_credentials_provider();
}

Credentials ServiceClient::credentials() const {
  return config_.credentials->get();
}

http::Request ServiceClient::build(const ServiceRequest& request, const Credentials& creds) const {
  const Url& origin = request.endpoint ? *request.endpoint : endpoint_.url;
  const std::string path = origin.base_path + (request.path.empty() ? "/" : request.path);
  const bool is_s3 = info_.signing_name == "s3";

  std::string payload_hash;
  if (request.unsigned_payload || request.body_file) {
    payload_hash = std::string(sigv4::kUnsignedPayload);
  } else {
    payload_hash = base::sha256_hex(request.body);
  }
  const auto now = std::chrono::system_clock::now();
  sigv4::Request sreq;
  sreq.method = request.method;
  sreq.canonical_uri = sigv4::canonical_uri(path, !is_s3);
  sreq.query = request.query;
  sreq.headers = request.headers;
  sreq.headers.emplace_back("host", origin.authority());
  sreq.headers.emplace_back("x-amz-date", sigv4::amz_date(now));
  if (is_s3) sreq.headers.emplace_back("x-amz-content-sha256", payload_hash);
  if (!creds.session_token.empty()) sreq.headers.emplace_back("x-amz-security-token", creds.session_token);
  sreq.payload_hash = payload_hash;
  // Empty credentials are the anonymous provider's: the request goes unsigned (public objects).
  const bool anonymous = creds.empty();
  const auto sig =
      anonymous ? sigv4::Signature{}
                : sigv4::sign(sreq, creds, {.region = config_.region, .service = info_.signing_name}, now);

  http::Request http;
  http.method = request.method;
  http.url = origin.origin() + path;
  if (!request.query.empty()) http.url += "?" + sigv4::query_string(request.query);
  for (auto& h : sreq.headers) {
    if (h.first != "host") http.headers.push_back(h);  // curl writes Host from the URL, identically
  }
  if (!anonymous) http.headers.emplace_back("Authorization", sig.authorization);
  http.headers.emplace_back("User-Agent", "heliocloud-aws/0.1");
  http.body = request.body;
  http.body_file = request.body_file;
  http.response_file = request.response_file;
  return http;
}

ErrorInfo ServiceClient::transport_error(const ServiceRequest& request, const http::TransportError& e) const {
  ErrorInfo error;
  error.service = info_.name;
  error.operation = request.operation;
  error.code = transport_code(e.kind());
  error.message = e.what();
  return error;
}

http::Response ServiceClient::send(const ServiceRequest& request) const {
  const RetryPolicy& policy = config_.retry;
  std::optional<http::Response> response;
  ErrorInfo error;
  const auto attempt = [&](int n) -> base::NextAttempt {
    bool reached_server = true;
    try {
      http::Response resp = config_.http->send(build(request, credentials()), config_.timeouts);
      const bool ok = resp.status >= 200 && resp.status < 300;
      if (ok && !(request.error_in_200 && is_s3_error_document(resp.body))) {
        response = std::move(resp);
        return std::nullopt;
      }
      error = parse_error_response(resp, info_.name, request.operation);
    } catch (const http::TransportError& e) {
      error = transport_error(request, e);
      reached_server = e.request_sent();
    }
    error.attempts = n;
    const RetryClass cls = retry_class(error, request.idempotent, reached_server);
    if (cls == RetryClass::None) return std::nullopt;
    return backoff_for(policy, cls);
  };
  const auto on_retry = [&](int n, std::chrono::milliseconds delay) {
    if (policy.on_retry) policy.on_retry(error, n, delay);
  };
  base::retry({.max_attempts = std::max(1, policy.max_attempts), .give_up_at = std::nullopt}, attempt,
              on_retry);
  if (!response) throw_error(std::move(error));
  return std::move(*response);
}

}  // namespace heliocloud::aws
