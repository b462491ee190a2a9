#include "web/alb_event.h"

#include <cstdio>

#include "base/base64.h"
#include "base/percent_encoding.h"
#include "web/status.h"
#include "web/url_encoding.h"

namespace heliocloud::web {
namespace {

using nlohmann::json;

const json* member(const json& event, const char* name) {
  const auto found = event.find(name);
  if (found == event.end() || found->is_null()) return nullptr;
  return &*found;
}

const std::string& string_field(const json& value, const std::string& what) {
  if (!value.is_string()) throw AlbEventError(what + " is not a string");
  return value.get_ref<const std::string&>();
}

// Calls add(key, value) for {k: "v"} (single) or {k: ["v1", "v2"]} (multi).
template <class Add>
void each_pair(const json* map, bool multi, const std::string& what, Add add) {
  if (map == nullptr) return;
  if (!map->is_object()) throw AlbEventError(what + " is not an object");
  for (const auto& [key, value] : map->items()) {
    if (multi) {
      if (!value.is_array()) throw AlbEventError(what + "." + key + " is not a list");
      for (const auto& item : value) add(key, string_field(item, what + "." + key));
    } else {
      add(key, string_field(value, what + "." + key));
    }
  }
}

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    if (c < 0x80) {
      extra = 0;
    } else if ((c & 0xE0U) == 0xC0U && c >= 0xC2) {
      extra = 1;
    } else if ((c & 0xF0U) == 0xE0U) {
      extra = 2;
    } else if ((c & 0xF8U) == 0xF0U && c <= 0xF4) {
      extra = 3;
    } else {
      return false;
    }
    if (i + extra >= s.size()) return false;  // truncated sequence
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0U) != 0x80U) return false;
    }
    i += extra + 1;
  }
  return true;
}

}  // namespace

AlbRequest request_from_alb_event(const json& event) {
  if (!event.is_object()) throw AlbEventError("the event is not a JSON object");
  AlbRequest out;
  const json* method = member(event, "httpMethod");
  const json* path = member(event, "path");
  if (method == nullptr || path == nullptr) throw AlbEventError("httpMethod and path are required");
  out.request.method = string_field(*method, "httpMethod");
  out.request.path = string_field(*path, "path");
  if (out.request.method.empty() || !out.request.path.starts_with('/'))
    throw AlbEventError("httpMethod is empty or path does not start with /");

  out.multi_value = member(event, "multiValueHeaders") != nullptr ||
                    member(event, "multiValueQueryStringParameters") != nullptr;
  const char* query_name = out.multi_value ? "multiValueQueryStringParameters" : "queryStringParameters";
  each_pair(member(event, query_name), out.multi_value, query_name,
            [&](const std::string& k, const std::string& v) {
              out.request.query.add(base::percent_decode(k, true), base::percent_decode(v, true));
            });
  const char* headers_name = out.multi_value ? "multiValueHeaders" : "headers";
  each_pair(member(event, headers_name), out.multi_value, headers_name,
            [&](const std::string& k, const std::string& v) { out.request.headers.add(k, v); });

  if (const json* body = member(event, "body")) {
    const std::string& text = string_field(*body, "body");
    const json* encoded = member(event, "isBase64Encoded");
    if (encoded != nullptr && !encoded->is_boolean()) throw AlbEventError("isBase64Encoded is not a boolean");
    if (encoded != nullptr && encoded->get<bool>()) {
      auto bytes = base::base64_decode(text);
      if (!bytes) throw AlbEventError("body is not valid base64");
      out.request.body = std::move(*bytes);
    } else {
      out.request.body = text;
    }
  }
  return out;
}

json alb_response(const Response& response, bool multi_value) {
  json out = {{"statusCode", response.status},
              {"statusDescription",
               std::to_string(response.status) + " " + std::string(reason_phrase(response.status))}};
  json headers = json::object();
  for (const auto& [name, value] : response.headers.entries()) {
    if (multi_value) {
      headers[name].push_back(value);
    } else if (!headers.contains(name)) {
      headers[name] = value;
    } else if (iequals(name, "Set-Cookie")) {
      std::fputs("warning: ALB single-value headers carry one Set-Cookie; enable multi-value headers\n",
                 stderr);
    } else {
      headers[name] = headers[name].get<std::string>() + ", " + value;
    }
  }
  out[multi_value ? "multiValueHeaders" : "headers"] = std::move(headers);
  const bool base64 = response.binary || !is_valid_utf8(response.body);
  out["body"] = base64 ? base::base64_encode(response.body) : response.body;
  out["isBase64Encoded"] = base64;
  return out;
}

std::string handle_alb_event(const App& app, std::string_view event, std::string request_id) {
  bool multi_value = false;
  Response response;
  try {
    AlbRequest parsed = request_from_alb_event(json::parse(event));
    multi_value = parsed.multi_value;
    parsed.request.request_id = request_id;
    response = app.handle(std::move(parsed.request));
  } catch (const std::exception&) {
    // Not JSON, or not an ALB request: nothing in it can be trusted, so the 400 names no method or path.
    Request unknown{.method = "-",
                    .path = "-",
                    .query = {},
                    .headers = {},
                    .body = {},
                    .cookies = {},
                    .path_params = {},
                    .request_id = std::move(request_id),
                    .csrf_token = {}};
    response = app.reject(std::move(unknown), 400);
  }
  return alb_response(response, multi_value).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace heliocloud::web
