#pragma once
// The Lambda custom-runtime loop: fetch the next invocation, run the handler, post its result, repeat.
// Modeled on aws-lambda-cpp's run_handler: one function, errors as values across the API boundary.
// https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html
#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace heliocloud::lambda_runtime {

struct Invocation {
  std::string payload;           // the event, as the invoker sent it (JSON for every AWS service)
  std::string request_id;        // Lambda-Runtime-Aws-Request-Id
  std::string function_arn;      // Lambda-Runtime-Invoked-Function-Arn
  std::string trace_id;          // Lambda-Runtime-Trace-Id (also exported as _X_AMZN_TRACE_ID)
  std::string client_context;    // Lambda-Runtime-Client-Context (mobile SDK invocations only)
  std::string cognito_identity;  // Lambda-Runtime-Cognito-Identity
  std::chrono::system_clock::time_point deadline;  // Lambda-Runtime-Deadline-Ms: the function is killed then

  // Time left before the deadline (zero or negative once it has passed).
  std::chrono::milliseconds remaining() const;
};

// What a handler returns: a payload for the invoker, or an error Lambda reports as a function error.
class HandlerResult {
 public:
  static HandlerResult success(std::string payload, std::string content_type = "application/json");
  static HandlerResult failure(std::string error_type, std::string error_message);

  bool ok() const noexcept { return ok_; }
  const std::string& payload() const noexcept { return payload_; }              // success only
  const std::string& content_type() const noexcept { return content_type_; }    // success only
  const std::string& error_type() const noexcept { return error_type_; }        // failure only
  const std::string& error_message() const noexcept { return error_message_; }  // failure only

 private:
  bool ok_ = false;
  std::string payload_;
  std::string content_type_;
  std::string error_type_;
  std::string error_message_;
};

using Handler = std::function<HandlerResult(const Invocation&)>;

struct RunOptions {
  // host:port of the Runtime API; empty: AWS_LAMBDA_RUNTIME_API, as Lambda sets it.
  std::string endpoint;
  // Stop after this many invocations (tests and local drivers; Lambda itself never stops the loop).
  std::optional<std::size_t> max_invocations;
  // Consecutive failures to reach the Runtime API before giving up: on Lambda that means the sandbox is
  // going away, so exiting is right; a transient hiccup gets a few retries.
  int max_next_failures = 3;
};

// Runs the loop. Returns 0 after max_invocations, non-zero when the Runtime API cannot be reached
// (or AWS_LAMBDA_RUNTIME_API is missing). A handler that throws turns into an error response for that one
// invocation; the loop goes on.
int run_handler(const Handler& handler, const RunOptions& options = {});

// Reports a failure to initialize (before the loop starts) to /runtime/init/error, so that Lambda shows the
// reason instead of a bare "Runtime exited". Returns false when the report could not be delivered.
bool report_init_error(const std::string& error_type, const std::string& error_message,
                       std::string endpoint = {});

}  // namespace heliocloud::lambda_runtime
