#pragma once
// One HTTP exchange over libcurl. No retries, no signing, no AWS knowledge: those live in service_client.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace heliocloud::aws {

// A region of a file sent as a request body (a multipart part); re-read from disk on every attempt.
struct FileRange {
  std::filesystem::path path;
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
};

struct HttpRequest {
  std::string method = "GET";
  std::string url;  // complete and already encoded
  std::vector<std::pair<std::string, std::string>> headers;
  std::string_view body;               // borrowed: must outlive send()
  std::optional<FileRange> body_file;  // takes precedence over body
  // A 2xx body is streamed into this file (truncated first) instead of kept in memory.
  std::optional<std::filesystem::path> response_file;
};

struct HttpResponse {
  long status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased; a repeated header keeps its last value
  std::string body;                            // empty when streamed to response_file
  std::uint64_t body_bytes = 0;                // bytes received, in memory or in the file

  std::string header(const std::string& lower_name, const std::string& fallback = {}) const;
};

struct HttpTimeouts {
  std::chrono::milliseconds connect{3000};
  std::chrono::milliseconds total{0};      // 0 = no limit (large transfers); stall bounds those instead
  std::chrono::milliseconds stall{30000};  // abort when no byte moved for this long
};

// Why no response could be had. Mapped to error codes by the service layer.
enum class TransportFailure {
  ConnectFailed,
  ResolveFailed,
  Timeout,
  ConnectTimeout,
  Truncated,
  Reset,
  Tls,
  Other
};

struct TransportException : std::runtime_error {
  TransportException(TransportFailure k, const std::string& what, bool request_sent)
      : std::runtime_error(what), kind(k), sent(request_sent) {}
  TransportFailure kind;
  bool sent;  // false when the request never reached the server (always safe to retry)
};

// Thread-safe. Keeps a pool of curl handles so that connections are reused across calls and threads.
class HttpClient {
 public:
  HttpClient();
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Throws TransportException when no complete response arrived. Any HTTP status is a response.
  HttpResponse send(const HttpRequest& request, const HttpTimeouts& timeouts);

 private:
  void* acquire();
  void release(void* handle);
  std::mutex mu_;
  std::vector<void*> idle_;
};

}  // namespace heliocloud::aws
