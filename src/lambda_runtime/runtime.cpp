#include "lambda_runtime/runtime.h"

#include <cxxabi.h>

#include <chrono>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>
#include <thread>
#include <typeinfo>
#include <utility>

#include "base/backoff.h"
#include "lambda_runtime/runtime_client.h"

namespace heliocloud::lambda_runtime {

std::chrono::milliseconds Invocation::remaining() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::system_clock::now());
}

HandlerResult HandlerResult::success(std::string payload, std::string content_type) {
  HandlerResult r;
  r.ok_ = true;
  r.payload_ = std::move(payload);
  r.content_type_ = std::move(content_type);
  return r;
}

HandlerResult HandlerResult::failure(std::string error_type, std::string error_message) {
  HandlerResult r;
  r.error_type_ = std::move(error_type);
  r.error_message_ = std::move(error_message);
  return r;
}

namespace {

// Between failed /next calls: a hiccup of the Runtime API passes quickly; a sandbox going away ends the loop.
constexpr base::Backoff kNextBackoff{.base = std::chrono::milliseconds(100),
                                     .cap = std::chrono::milliseconds(1000)};

std::string endpoint_or_env(std::string endpoint) {
  if (!endpoint.empty()) return endpoint;
  const char* env = std::getenv("AWS_LAMBDA_RUNTIME_API");
  return env == nullptr ? std::string() : std::string(env);
}

// The X-Ray SDKs read the trace header of the current invocation from this variable.
void export_trace_id(const std::string& trace_id) {
  if (trace_id.empty()) {
    ::unsetenv("_X_AMZN_TRACE_ID");
  } else {
    ::setenv("_X_AMZN_TRACE_ID", trace_id.c_str(), 1);
  }
}

// "std::runtime_error" rather than the mangled "St13runtime_error": errorType is shown to people.
std::string type_name(const std::type_info& type) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> name(abi::__cxa_demangle(type.name(), nullptr, nullptr, &status),
                                              std::free);
  return status == 0 && name ? std::string(name.get()) : std::string(type.name());
}

// Runs the handler; an exception becomes a failure result, so one bad event never takes the loop down.
HandlerResult invoke(const Handler& handler, const Invocation& inv) {
  try {
    return handler(inv);
  } catch (const std::exception& e) {
    return HandlerResult::failure(type_name(typeid(e)), e.what());
  } catch (...) {
    return HandlerResult::failure("UnknownException",
                                  "the handler threw something that is not a std::exception");
  }
}

void post_result(RuntimeClient& client, const Invocation& inv, const HandlerResult& result) {
  if (result.ok()) {
    const auto posted = client.post_response(inv.request_id, result.payload(), result.content_type());
    if (posted.ok()) return;
    // Refused (typically a payload over 6 MB): tell the invoker why instead of leaving it to time out.
    std::cerr << "lambda_runtime: " << inv.request_id << ": response refused: " << posted.error << "\n";
    const auto fallback = client.post_error(inv.request_id, "Runtime.ResponseRefused", posted.error);
    if (!fallback.ok()) std::cerr << "lambda_runtime: " << inv.request_id << ": " << fallback.error << "\n";
    return;
  }
  std::cerr << "lambda_runtime: " << inv.request_id << ": " << result.error_type() << ": "
            << result.error_message() << "\n";
  const auto posted = client.post_error(inv.request_id, result.error_type(), result.error_message());
  if (!posted.ok()) std::cerr << "lambda_runtime: " << inv.request_id << ": " << posted.error << "\n";
}

}  // namespace

int run_handler(const Handler& handler, const RunOptions& options) {
  const std::string endpoint = endpoint_or_env(options.endpoint);
  if (endpoint.empty()) {
    std::cerr << "lambda_runtime: AWS_LAMBDA_RUNTIME_API is not set (this binary runs inside AWS Lambda, or "
                 "under a "
                 "driver that provides the Runtime API)\n";
    return 2;
  }
  RuntimeClient client(endpoint);
  std::size_t served = 0;
  int failures = 0;
  while (!options.max_invocations || served < *options.max_invocations) {
    auto next = client.next();
    if (!next.ok()) {
      std::cerr << "lambda_runtime: " << next.error << "\n";
      if (++failures >= options.max_next_failures) return 1;
      std::this_thread::sleep_for(base::backoff_delay(kNextBackoff, failures));
      continue;
    }
    failures = 0;
    const Invocation& inv = next.get();
    export_trace_id(inv.trace_id);
    post_result(client, inv, invoke(handler, inv));
    ++served;
  }
  return 0;
}

bool report_init_error(const std::string& error_type, const std::string& error_message,
                       std::string endpoint) {
  endpoint = endpoint_or_env(std::move(endpoint));
  std::cerr << "lambda_runtime: init failed: " << error_type << ": " << error_message << "\n";
  if (endpoint.empty()) return false;
  RuntimeClient client(endpoint);
  const auto posted = client.post_init_error(error_type, error_message);
  if (!posted.ok()) std::cerr << "lambda_runtime: " << posted.error << "\n";
  return posted.ok();
}

}  // namespace heliocloud::lambda_runtime
