#include "registry/lambda/runtime_loop.h"

#include <memory>

#include "lambda_runtime/runtime.h"
#include "registry/lambda/registry_function.h"

namespace heliocloud::registry::lambda {

int run_registry_lambda() {
  std::unique_ptr<RegistryFunction> function;
  try {
    function = registry_function_from_environment();
  } catch (const InitError& e) {
    // Also printed to stderr (CloudWatch Logs) by report_init_error; the init error is what the invoker sees.
    lambda_runtime::report_init_error("InvalidConfiguration", e.what());
    return 1;
  } catch (const std::exception& e) {
    lambda_runtime::report_init_error("InitFailed", e.what());
    return 1;
  }
  return lambda_runtime::run_handler([&](const lambda_runtime::Invocation& invocation) {
    return function->invoke(invocation.payload, invocation.remaining());
  });
}

}  // namespace heliocloud::registry::lambda
