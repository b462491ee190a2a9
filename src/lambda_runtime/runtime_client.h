#pragma once
// The Runtime API's HTTP calls, one method each. Every call returns its result as a value; nothing throws.
#include <string>

#include "base/result.h"
#include "http/client.h"
#include "lambda_runtime/runtime.h"

namespace heliocloud::lambda_runtime {

struct Posted {
  long status = 0;  // the Runtime API's HTTP status (202 when accepted)
};

class RuntimeClient {
 public:
  explicit RuntimeClient(std::string endpoint);  // host:port

  // Long-polls GET /runtime/invocation/next: blocks until Lambda has an event for us.
  base::Result<Invocation> next();
  base::Result<Posted> post_response(const std::string& request_id, const std::string& payload,
                                     const std::string& content_type);
  base::Result<Posted> post_error(const std::string& request_id, const std::string& error_type,
                                  const std::string& error_message);
  base::Result<Posted> post_init_error(const std::string& error_type, const std::string& error_message);

 private:
  base::Result<http::Response> exchange(const http::Request& request);
  base::Result<Posted> post(const std::string& path, const std::string& body, const std::string& content_type,
                            const std::string& error_type);

  std::string base_;  // http://host:port/2018-06-01
  // The loop is single-threaded, so the pool holds one handle and the connection stays open between calls.
  http::Client http_;
};

// {"errorType": ..., "errorMessage": ..., "stackTrace": []}: the body Lambda expects for /error calls.
std::string error_body(const std::string& error_type, const std::string& error_message);

}  // namespace heliocloud::lambda_runtime
