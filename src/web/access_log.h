#pragma once
// One line per request: method, path, status, bytes, duration and request id. Never the query string,
// cookies, headers or bodies: they carry OAuth codes, tokens and keys (webapps doc §9.8).
#include <chrono>
#include <functional>
#include <string>
#include <string_view>

namespace heliocloud::web {

struct AccessLogEntry {
  std::string method;
  std::string path;  // without the query string
  int status = 0;
  std::size_t bytes = 0;  // response body
  std::chrono::microseconds duration{0};
  std::string request_id;
};

using AccessLogSink = std::function<void(const AccessLogEntry&)>;

// `access method=GET path=/x status=200 bytes=12 duration_us=340 request_id=ab12`. Bytes outside printable
// ASCII, spaces and '%' in method and path are %XX-escaped, so a crafted path cannot forge a log line.
[[nodiscard]] std::string format_access_log_line(const AccessLogEntry& entry);

// The default sink: the line on stderr (CloudWatch Logs on Lambda).
void log_to_stderr(const AccessLogEntry& entry);

}  // namespace heliocloud::web
