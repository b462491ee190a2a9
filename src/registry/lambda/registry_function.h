#pragma once
// RegistryFunction: one Registry Lambda function as the binary runs it. Built once per sandbox (init): reads
// the configuration, picks the handler named by _HANDLER and opens the AWS clients, which then keep their
// connections across warm invocations. Each invocation maps a payload to a response or to errorType +
// errorMessage; it never throws, so the runtime loop only forwards what it returns.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "aws/client_config.h"
#include "lambda_runtime/runtime.h"
#include "registry/lambda/lambda_environment.h"

namespace heliocloud::registry::lambda {

enum class HandlerKind { Ingest, Catalog };

// contracts::registry::kIngestHandler or kCatalogHandler (the Handler property the Registry stack gives each
// function). Throws InitError.
[[nodiscard]] HandlerKind parse_handler_name(const std::optional<std::string>& handler);

class RegistryFunction {
 public:
  RegistryFunction(HandlerKind kind, LambdaEnvironment env, const aws::ClientConfig& config);
  ~RegistryFunction();
  RegistryFunction(const RegistryFunction&) = delete;
  RegistryFunction& operator=(const RegistryFunction&) = delete;

  // `remaining`: time before Lambda kills the invocation; an ingest waits for another ingest's lease only as
  // long as it can still finish in time. Success: the result JSON; failure: errorType InvalidEvent,
  // StoreError, AwsError or InternalError with the message.
  [[nodiscard]] lambda_runtime::HandlerResult invoke(const std::string& payload,
                                                     std::chrono::milliseconds remaining);

  [[nodiscard]] HandlerKind kind() const { return kind_; }

 private:
  struct Backend;
  HandlerKind kind_;
  LambdaEnvironment env_;
  std::unique_ptr<Backend> backend_;
};

// Reads _HANDLER and the configuration from the process environment. Throws InitError.
[[nodiscard]] std::unique_ptr<RegistryFunction> registry_function_from_environment();

}  // namespace heliocloud::registry::lambda
