#pragma once
// AWS Lambda (REST-JSON): synchronous Invoke, with the function's own error and log tail surfaced.
#include <optional>
#include <string>
#include <string_view>

#include "aws/client_config.h"
#include "aws/service_client.h"

namespace heliocloud::aws {

struct InvokeOptions {
  std::string qualifier;  // version or alias; empty: $LATEST
  bool log_tail = false;  // ask for the last 4 KB of the execution log
  // InvocationType Event: Lambda queues the event and answers 202 at once (no payload); it retries a failed
  // run twice on its own.
  bool asynchronous = false;
};

struct InvokeResult {
  long status_code = 0;
  std::string payload;         // the function's response (or its error document when function_error is set)
  std::string function_error;  // "Unhandled" / "Handled" when the function failed; empty on success
  std::string log_tail;        // decoded; empty unless asked for
  std::string executed_version;

  bool ok() const noexcept { return function_error.empty(); }
};

struct CreateFunctionRequest {
  std::string name;
  std::string runtime = "provided.al2023";
  std::string role_arn;
  std::string handler = "bootstrap";
  std::string zip_file;  // the deployment package bytes
  int timeout_seconds = 30;
  int memory_mb = 128;
};

class LambdaClient {
 public:
  explicit LambdaClient(ClientConfig config);
  // RequestResponse invocation. A function error is not an exception (the call itself succeeded): check ok().
  // Never retried after the request may have reached the function (an invocation is not idempotent).
  InvokeResult invoke(const std::string& function_name, std::string_view payload,
                      const InvokeOptions& opts = {}) const;
  std::string create_function(const CreateFunctionRequest& request) const;  // returns the function ARN
  void delete_function(const std::string& function_name) const;
  const ServiceClient& service() const noexcept { return client_; }

 private:
  ServiceClient client_;
};

}  // namespace heliocloud::aws
