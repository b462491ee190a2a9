#include "custom_resources/response.h"

#include <algorithm>

#include "base/retry.h"
#include "http/client.h"

namespace heliocloud::custom_resources {

using nlohmann::json;

namespace {

json to_json(const Event& event, const Response& response, const std::string& reason) {
  json doc = {{"Status", response.status == Status::Success ? "SUCCESS" : "FAILED"},
              {"Reason", reason},
              {"PhysicalResourceId", response.physical_resource_id},
              {"StackId", event.stack_id},
              {"RequestId", event.request_id},
              {"LogicalResourceId", event.logical_resource_id},
              {"Data", response.data.is_object() ? response.data : json::object()}};
  if (response.no_echo) doc["NoEcho"] = true;
  return doc;
}

std::string dump(const json& doc) {
  return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

constexpr int kAttempts = 4;
constexpr base::Backoff kRetryBackoff{.base = std::chrono::milliseconds(200),
                                      .cap = std::chrono::milliseconds(2000)};

// Each attempt may use what is left before give_up_at, but at least 2 s (a PUT to S3 needs that much) and at
// most 30 s (a hung connection must not eat the whole budget).
http::Timeouts response_timeouts(std::chrono::system_clock::time_point give_up_at) {
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(give_up_at - std::chrono::system_clock::now());
  return {.connect = std::chrono::milliseconds(3000),
          .total = std::clamp(left, std::chrono::milliseconds(2000), std::chrono::milliseconds(30000)),
          .stall = std::chrono::milliseconds(0)};
}

}  // namespace

std::string response_body(const Event& event, const Response& response) {
  std::string body = dump(to_json(event, response, response.reason));
  if (body.size() <= kMaxResponseBytes) return body;
  // Cut the reason (the part that grows with error detail) by as much as the body is over, plus the marker.
  const std::string marker = " [...]";
  const std::size_t over = body.size() - kMaxResponseBytes + marker.size() + 16;  // slack for escaping
  std::string reason =
      response.reason.substr(0, response.reason.size() > over ? response.reason.size() - over : 0);
  return dump(to_json(event, response, reason + marker));
}

Delivery send_response(const std::string& url, const std::string& body,
                       std::chrono::system_clock::time_point give_up_at) {
  http::Client client;
  http::Request request;
  request.method = "PUT";
  request.url = url;
  request.body = body;
  request.headers.emplace_back("Content-Type", "");  // sent empty: the URL is signed without a value
  Delivery d;
  const auto attempt = [&](int n) -> base::NextAttempt {
    d.attempts = n;
    try {
      d.http_status = client.send(request, response_timeouts(give_up_at)).status;
    } catch (const http::TransportError& e) {
      d.error = std::string("PUT to the ResponseURL failed: ") + e.what();
      return kRetryBackoff;
    }
    if (d.http_status / 100 == 2) {
      d.ok = true;
      d.error.clear();
      return std::nullopt;
    }
    d.error = "PUT to the ResponseURL answered HTTP " + std::to_string(d.http_status);
    if (d.http_status < 500) return std::nullopt;  // 403 (expired or tampered URL) will not get better
    return kRetryBackoff;
  };
  base::retry({.max_attempts = kAttempts, .give_up_at = give_up_at}, attempt);
  return d;
}

}  // namespace heliocloud::custom_resources
