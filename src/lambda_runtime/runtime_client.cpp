#include "lambda_runtime/runtime_client.h"

#include <nlohmann/json.hpp>
#include <utility>

namespace heliocloud::lambda_runtime {

namespace {

// The Runtime API is on the sandbox's loopback: a connection either opens at once or not at all. No total
// timeout: /next blocks for as long as the function stays idle (the sandbox is frozen meanwhile), and no
// stall timeout for the same reason.
constexpr http::Timeouts kRuntimeApiTimeouts{.connect = std::chrono::milliseconds(2000),
                                             .total = std::chrono::milliseconds(0),
                                             .stall = std::chrono::milliseconds(0)};

}  // namespace

std::string error_body(const std::string& error_type, const std::string& error_message) {
  // error_handler_t::replace: a message quoting invalid UTF-8 from an event must still be reportable.
  return nlohmann::json{
      {"errorType", error_type}, {"errorMessage", error_message}, {"stackTrace", nlohmann::json::array()}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

RuntimeClient::RuntimeClient(std::string endpoint) : base_("http://" + std::move(endpoint) + "/2018-06-01") {}

base::Result<http::Response> RuntimeClient::exchange(const http::Request& request) {
  const std::string what = request.method + " " + request.url;
  try {
    return base::Result<http::Response>::success(http_.send(request, kRuntimeApiTimeouts));
  } catch (const std::exception& e) {  // http::TransportError, or curl could not start at all
    return base::Result<http::Response>::failure(what + ": " + e.what());
  }
}

base::Result<Invocation> RuntimeClient::next() {
  using Fail = base::Result<Invocation>;
  http::Request request;
  request.url = base_ + "/runtime/invocation/next";
  auto reply = exchange(request);
  if (!reply.ok()) return Fail::failure(reply.error);
  const http::Response& r = reply.get();
  if (r.status != 200)
    return Fail::failure("GET /runtime/invocation/next: HTTP " + std::to_string(r.status) + ": " + r.body);
  Invocation inv;
  inv.payload = r.body;
  inv.request_id = r.header("lambda-runtime-aws-request-id");
  inv.function_arn = r.header("lambda-runtime-invoked-function-arn");
  inv.trace_id = r.header("lambda-runtime-trace-id");
  inv.client_context = r.header("lambda-runtime-client-context");
  inv.cognito_identity = r.header("lambda-runtime-cognito-identity");
  if (inv.request_id.empty())
    return Fail::failure("GET /runtime/invocation/next: no Lambda-Runtime-Aws-Request-Id header");
  const std::string deadline = r.header("lambda-runtime-deadline-ms");
  try {
    inv.deadline = std::chrono::system_clock::time_point(std::chrono::milliseconds(std::stoll(deadline)));
  } catch (const std::exception&) {
    return Fail::failure("GET /runtime/invocation/next: bad Lambda-Runtime-Deadline-Ms \"" + deadline + "\"");
  }
  return base::Result<Invocation>::success(std::move(inv));
}

base::Result<Posted> RuntimeClient::post(const std::string& path, const std::string& body,
                                         const std::string& content_type, const std::string& error_type) {
  http::Request request;
  request.method = "POST";
  request.url = base_ + path;
  request.body = body;
  request.headers.emplace_back("Content-Type", content_type);
  if (!error_type.empty()) request.headers.emplace_back("Lambda-Runtime-Function-Error-Type", error_type);
  auto reply = exchange(request);
  if (!reply.ok()) return base::Result<Posted>::failure(reply.error);
  // 202 Accepted is the documented answer; 4xx says the payload was refused (too large, already answered).
  if (reply.get().status / 100 != 2) {
    return base::Result<Posted>::failure("POST " + path + ": HTTP " + std::to_string(reply.get().status) +
                                         ": " + reply.get().body);
  }
  return base::Result<Posted>::success(Posted{reply.get().status});
}

base::Result<Posted> RuntimeClient::post_response(const std::string& request_id, const std::string& payload,
                                                  const std::string& content_type) {
  return post("/runtime/invocation/" + request_id + "/response", payload, content_type, {});
}

base::Result<Posted> RuntimeClient::post_error(const std::string& request_id, const std::string& error_type,
                                               const std::string& error_message) {
  return post("/runtime/invocation/" + request_id + "/error", error_body(error_type, error_message),
              "application/json", error_type);
}

base::Result<Posted> RuntimeClient::post_init_error(const std::string& error_type,
                                                    const std::string& error_message) {
  return post("/runtime/init/error", error_body(error_type, error_message), "application/json", error_type);
}

}  // namespace heliocloud::lambda_runtime
