#pragma once
// What one HTTP exchange sends and gets back, and how long it may take.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace heliocloud::http {

// A region of a file sent as a request body (a multipart part); re-read from disk on every attempt.
struct FileRange {
  std::filesystem::path path;
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
};

struct Request {
  std::string method = "GET";
  std::string url;  // complete and already encoded
  // Sent as they are; a header with an empty value is sent empty (not dropped, as curl would by default).
  std::vector<std::pair<std::string, std::string>> headers;
  std::string_view body;               // borrowed: must outlive send()
  std::optional<FileRange> body_file;  // takes precedence over body
  // A 2xx body is streamed into this file (truncated first) instead of kept in memory.
  std::optional<std::filesystem::path> response_file;
};

struct Response {
  long status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased; a repeated header keeps its last value
  std::string body;                            // empty when streamed to response_file
  std::uint64_t body_bytes = 0;                // bytes received, in memory or in the file

  [[nodiscard]] std::string header(const std::string& lower_name, const std::string& fallback = {}) const;
};

struct Timeouts {
  std::chrono::milliseconds connect{3000};
  std::chrono::milliseconds total{0};      // 0 = no limit (large transfers, long polls)
  std::chrono::milliseconds stall{30000};  // abort when no byte moved for this long; 0 = never
};

}  // namespace heliocloud::http
