#pragma once
// `heliocloud ingest <instance> <job>` and `heliocloud catalog <instance>`: invoke the deployed instance's
// Registry functions (found from the Registry stack's outputs), print their per-dataset results, exit
// non-zero on any failure.
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>

#include "aws/client_config.h"
#include "aws/lambda.h"
#include "registry/cli/registry_stack.h"

namespace heliocloud::registry::cli {

struct DeployedOptions {
  std::string instance_dir;
  std::optional<std::string> region;  // --region
  bool json = false;
  std::string endpoint;  // every AWS call to this endpoint (e.g. a local emulator); empty: the environment's
  bool no_wait = false;  // ingest: start the job and return
};

// The instance's Registry stack and a client configuration for its region. Throws UsageError.
struct DeployedInstance {
  aws::ClientConfig config;
  RegistryStack stack;
};
[[nodiscard]] DeployedInstance connect_instance(const std::string& instance, const DeployedOptions& options);

// The function failed (FunctionError, or a reply that is not a result); the message names the function.
class FunctionFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A synchronous invocation's result JSON. Throws FunctionFailed with errorType and errorMessage on a function
// error.
[[nodiscard]] nlohmann::ordered_json function_result(const std::string& function,
                                                     const aws::InvokeResult& invoked);

// Starts the Ingester on the job (asynchronously: a job may need several invocations) and, unless no_wait,
// follows its progress in the dataset table until it is published or failed.
int ingest_deployed(const std::string& instance, const std::string& job, const DeployedOptions& options);
// The instance's ingest jobs (newest first), or one job in full.
int status_deployed(const std::string& instance, const std::optional<std::string>& job,
                    const DeployedOptions& options);
int catalog_deployed(const std::string& instance, const DeployedOptions& options);

}  // namespace heliocloud::registry::cli
