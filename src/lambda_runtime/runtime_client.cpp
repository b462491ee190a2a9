#include "lambda_runtime/runtime_client.h"

#include <curl/curl.h>

#include <cctype>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

namespace heliocloud::lambda_runtime {

struct RuntimeClient::Reply {
  long status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

namespace {

CURL* handle(void* p) {
  return static_cast<CURL*>(p);
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  return s;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto& headers = *static_cast<std::map<std::string, std::string>*>(user);
  const std::string_view line(data, size * count);
  const auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string name(trim(line.substr(0, colon)));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    headers[name] = std::string(trim(line.substr(colon + 1)));
  }
  return size * count;
}

std::string header_or_empty(const std::map<std::string, std::string>& headers, const std::string& name) {
  const auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

}  // namespace

std::string error_body(const std::string& error_type, const std::string& error_message) {
  // error_handler_t::replace: a message quoting invalid UTF-8 from an event must still be reportable.
  return nlohmann::json{
      {"errorType", error_type}, {"errorMessage", error_message}, {"stackTrace", nlohmann::json::array()}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

RuntimeClient::RuntimeClient(std::string endpoint) : base_("http://" + std::move(endpoint) + "/2018-06-01") {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  curl_ = curl_easy_init();
}

RuntimeClient::~RuntimeClient() {
  curl_easy_cleanup(handle(curl_));
}

Outcome<RuntimeClient::Reply> RuntimeClient::exchange(const char* method, const std::string& path,
                                                      const std::string& body,
                                                      const std::string& content_type,
                                                      const std::string& error_type) {
  if (curl_ == nullptr) return {std::nullopt, "curl_easy_init failed"};
  CURL* c = handle(curl_);
  curl_easy_reset(c);
  Reply reply;
  const std::string url = base_ + path;
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 2000L);
  // No total timeout: /next blocks for as long as the function stays idle; the sandbox is frozen meanwhile.
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &reply.body);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &reply.headers);
  curl_slist* headers = nullptr;
  if (std::string_view(method) == "POST") {
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    headers = curl_slist_append(headers, ("Content-Type: " + content_type).c_str());
    if (!error_type.empty())
      headers = curl_slist_append(headers, ("Lambda-Runtime-Function-Error-Type: " + error_type).c_str());
    headers = curl_slist_append(headers, "Expect:");  // a 100-continue round trip buys nothing on localhost
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  const CURLcode rc = curl_easy_perform(c);
  curl_slist_free_all(headers);
  if (rc != CURLE_OK) return {std::nullopt, std::string(method) + " " + url + ": " + curl_easy_strerror(rc)};
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply.status);
  return {std::move(reply), {}};
}

Outcome<Invocation> RuntimeClient::next() {
  auto reply = exchange("GET", "/runtime/invocation/next", {}, {}, {});
  if (!reply.ok()) return {std::nullopt, reply.error};
  const Reply& r = *reply.value;
  if (r.status != 200)
    return {std::nullopt, "GET /runtime/invocation/next: HTTP " + std::to_string(r.status) + ": " + r.body};
  Invocation inv;
  inv.payload = r.body;
  inv.request_id = header_or_empty(r.headers, "lambda-runtime-aws-request-id");
  inv.function_arn = header_or_empty(r.headers, "lambda-runtime-invoked-function-arn");
  inv.trace_id = header_or_empty(r.headers, "lambda-runtime-trace-id");
  inv.client_context = header_or_empty(r.headers, "lambda-runtime-client-context");
  inv.cognito_identity = header_or_empty(r.headers, "lambda-runtime-cognito-identity");
  if (inv.request_id.empty())
    return {std::nullopt, "GET /runtime/invocation/next: no Lambda-Runtime-Aws-Request-Id header"};
  const std::string deadline = header_or_empty(r.headers, "lambda-runtime-deadline-ms");
  try {
    inv.deadline = std::chrono::system_clock::time_point(std::chrono::milliseconds(std::stoll(deadline)));
  } catch (const std::exception&) {
    return {std::nullopt,
            "GET /runtime/invocation/next: bad Lambda-Runtime-Deadline-Ms \"" + deadline + "\""};
  }
  return {std::move(inv), {}};
}

Outcome<Posted> RuntimeClient::post(const std::string& path, const std::string& body,
                                    const std::string& content_type, const std::string& error_type) {
  auto reply = exchange("POST", path, body, content_type, error_type);
  if (!reply.ok()) return {std::nullopt, reply.error};
  // 202 Accepted is the documented answer; 4xx says the payload was refused (too large, already answered).
  if (reply.value->status / 100 != 2) {
    return {std::nullopt,
            "POST " + path + ": HTTP " + std::to_string(reply.value->status) + ": " + reply.value->body};
  }
  return {Posted{reply.value->status}, {}};
}

Outcome<Posted> RuntimeClient::post_response(const std::string& request_id, const std::string& payload,
                                             const std::string& content_type) {
  return post("/runtime/invocation/" + request_id + "/response", payload, content_type, {});
}

Outcome<Posted> RuntimeClient::post_error(const std::string& request_id, const std::string& error_type,
                                          const std::string& error_message) {
  return post("/runtime/invocation/" + request_id + "/error", error_body(error_type, error_message),
              "application/json", error_type);
}

Outcome<Posted> RuntimeClient::post_init_error(const std::string& error_type,
                                               const std::string& error_message) {
  return post("/runtime/init/error", error_body(error_type, error_message), "application/json", error_type);
}

}  // namespace heliocloud::lambda_runtime
