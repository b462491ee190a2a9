#pragma once
// The Runtime API's HTTP calls, one method each. Every call returns its outcome as a value; nothing throws.
#include <optional>
#include <string>

#include "lambda_runtime/runtime.h"

namespace heliocloud::lambda_runtime {

// Either a value or a message saying why there is none.
template <typename T>
struct Outcome {
  std::optional<T> value;
  std::string error;
  bool ok() const noexcept { return value.has_value(); }
};

struct Posted {
  long status = 0;  // the Runtime API's HTTP status (202 when accepted)
};

class RuntimeClient {
 public:
  explicit RuntimeClient(std::string endpoint);  // host:port
  ~RuntimeClient();
  RuntimeClient(const RuntimeClient&) = delete;
  RuntimeClient& operator=(const RuntimeClient&) = delete;

  // Long-polls GET /runtime/invocation/next: blocks until Lambda has an event for us.
  Outcome<Invocation> next();
  Outcome<Posted> post_response(const std::string& request_id, const std::string& payload,
                                const std::string& content_type);
  Outcome<Posted> post_error(const std::string& request_id, const std::string& error_type,
                             const std::string& error_message);
  Outcome<Posted> post_init_error(const std::string& error_type, const std::string& error_message);

 private:
  struct Reply;
  Outcome<Reply> exchange(const char* method, const std::string& path, const std::string& body,
                          const std::string& content_type, const std::string& error_type);
  Outcome<Posted> post(const std::string& path, const std::string& body, const std::string& content_type,
                       const std::string& error_type);

  std::string base_;      // http://host:port/2018-06-01
  void* curl_ = nullptr;  // one handle, reused: the loop is single-threaded and keeps its connection
};

// {"errorType": ..., "errorMessage": ..., "stackTrace": []}: the body Lambda expects for /error calls.
std::string error_body(const std::string& error_type, const std::string& error_message);

}  // namespace heliocloud::lambda_runtime
