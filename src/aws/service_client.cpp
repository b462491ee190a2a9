#include "aws/service_client.h"

#include <random>
#include <thread>

#include "aws/encoding.h"
#include "aws/error_parser.h"

namespace heliocloud::aws {
namespace {

std::string transport_code(TransportFailure kind) {
  switch (kind) {
    case TransportFailure::ConnectFailed:
      return "ConnectionFailed";
    case TransportFailure::ResolveFailed:
      return "ResolveFailed";
    case TransportFailure::Timeout:
      return "Timeout";
    case TransportFailure::ConnectTimeout:
      return "ConnectTimeout";
    case TransportFailure::Truncated:
      return "Truncated";
    case TransportFailure::Reset:
      return "ConnectionReset";
    case TransportFailure::Tls:
      return "TlsError";
    case TransportFailure::Other:
      return "TransportError";
  }
  return "TransportError";
}

std::mt19937_64& thread_rng() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return rng;
}

}  // namespace

ServiceClient::ServiceClient(ClientConfig config, ServiceInfo info)
    : config_(std::move(config)),
      info_(std::move(info)),
      endpoint_(resolve_endpoint(info_, config_.region, config_.endpoint_url, config_.use_env_endpoints)) {
  if (!config_.http) config_.http = std::make_shared<HttpClient>();
  if (!config_.credentials) config_.credentials = default_credentials_provider();
}

Credentials ServiceClient::credentials() const {
  return config_.credentials->get();
}

HttpRequest ServiceClient::build(const ServiceRequest& request, const Credentials& creds) const {
  const Url& origin = request.endpoint ? *request.endpoint : endpoint_.url;
  const std::string path = origin.base_path + (request.path.empty() ? "/" : request.path);
  const bool is_s3 = info_.signing_name == "s3";

  std::string payload_hash;
  if (request.unsigned_payload || request.body_file) {
    payload_hash = std::string(sigv4::kUnsignedPayload);
  } else {
    payload_hash = sha256_hex(request.body);
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
  const auto sig = sigv4::sign(sreq, creds, {config_.region, info_.signing_name}, now);

  HttpRequest http;
  http.method = request.method;
  http.url = origin.origin() + path;
  if (!request.query.empty()) http.url += "?" + sigv4::query_string(request.query);
  for (auto& h : sreq.headers) {
    if (h.first != "host") http.headers.push_back(h);  // curl writes Host from the URL, identically
  }
  http.headers.emplace_back("Authorization", sig.authorization);
  http.headers.emplace_back("User-Agent", "heliocloud-aws/0.1");
  http.body = request.body;
  http.body_file = request.body_file;
  http.response_file = request.response_file;
  return http;
}

HttpResponse ServiceClient::send(const ServiceRequest& request) const {
  const RetryPolicy& policy = config_.retry;
  const int max_attempts = std::max(1, policy.max_attempts);
  for (int attempt = 1;; ++attempt) {
    ErrorInfo error;
    bool reached_server = true;
    try {
      const Credentials creds = credentials();
      HttpResponse resp = config_.http->send(build(request, creds), config_.timeouts);
      const bool ok = resp.status >= 200 && resp.status < 300;
      if (ok && !(request.error_in_200 && is_s3_error_document(resp.body))) return resp;
      error = parse_error_response(resp, info_.name, request.operation);
    } catch (const TransportException& e) {
      error.service = info_.name;
      error.operation = request.operation;
      error.code = transport_code(e.kind);
      error.message = e.what();
      reached_server = e.sent;
    }
    error.attempts = attempt;
    const RetryClass cls = retry_class(error, request.idempotent, reached_server);
    if (cls == RetryClass::None || attempt >= max_attempts) throw_error(std::move(error));
    const auto delay = backoff_delay(policy, cls, attempt, thread_rng());
    if (policy.on_retry) policy.on_retry(error, attempt, delay);
    std::this_thread::sleep_for(delay);
  }
}

}  // namespace heliocloud::aws
