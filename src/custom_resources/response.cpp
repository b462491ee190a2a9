#include "custom_resources/response.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <thread>

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

std::size_t discard(char*, std::size_t size, std::size_t count, void*) {
  return size * count;
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
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  Delivery d;
  CURL* curl = curl_easy_init();
  if (curl == nullptr) {
    d.error = "curl_easy_init failed";
    return d;
  }
  // "Content-Type;" is curl's way to send the header with an empty value (plain "Content-Type:" removes it).
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type;");
  headers = curl_slist_append(headers, "Expect:");
  for (int attempt = 1; attempt <= 4; ++attempt) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(give_up_at - std::chrono::system_clock::now());
    if (attempt > 1 && left.count() <= 0) break;
    d.attempts = attempt;
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, 3000L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS,
                     std::clamp<long>(static_cast<long>(left.count()), 2000L, 30000L));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
    // The packaged bootstrap exports SSL_CERT_FILE when the host keeps its CA bundle elsewhere than the build
    // machine's libcurl expects (Amazon Linux vs Debian).
    if (const char* ca = std::getenv("SSL_CERT_FILE"); ca != nullptr && *ca != '\0')
      curl_easy_setopt(curl, CURLOPT_CAINFO, ca);
    const CURLcode rc = curl_easy_perform(curl);
    if (rc == CURLE_OK) {
      curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &d.http_status);
      if (d.http_status / 100 == 2) {
        d.ok = true;
        d.error.clear();
        break;
      }
      d.error = "PUT to the ResponseURL answered HTTP " + std::to_string(d.http_status);
      if (d.http_status < 500) break;  // 403 (expired or tampered URL) will not get better
    } else {
      d.error = std::string("PUT to the ResponseURL failed: ") + curl_easy_strerror(rc);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200 * attempt));
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  return d;
}

}  // namespace heliocloud::custom_resources
