#include "web/access_log.h"

#include <cstdio>

#include "base/digest.h"

namespace heliocloud::web {
namespace {

std::string escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F || c == '%') {
      out += '%';
      out += base::to_hex(std::string_view(&c, 1), true);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string format_access_log_line(const AccessLogEntry& entry) {
  return "access method=" + escape(entry.method) + " path=" + escape(entry.path) +
         " status=" + std::to_string(entry.status) + " bytes=" + std::to_string(entry.bytes) +
         " duration_us=" + std::to_string(entry.duration.count()) + " request_id=" + escape(entry.request_id);
}

void log_to_stderr(const AccessLogEntry& entry) {
  const std::string line = format_access_log_line(entry) + "\n";
  // One write per line, so lines of concurrent requests do not interleave.
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace heliocloud::web
