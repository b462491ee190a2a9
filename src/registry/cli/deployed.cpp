#include "registry/cli/deployed.h"

#include <iostream>

#include "aws/cloudformation.h"
#include "registry/cli/instance_settings.h"
#include "registry/cli/result_printer.h"
#include "registry/cli/usage_error.h"

namespace heliocloud::registry::cli {

namespace {

// A Lambda function runs for up to 15 minutes and a synchronous Invoke sends nothing back until it ends, so
// the client's stall timeout (no byte moved) must outlast the longest run.
constexpr std::chrono::minutes kLongestInvocation{16};

nlohmann::ordered_json invoke(const DeployedInstance& instance, const std::string& function,
                              const nlohmann::json& event) {
  auto config = instance.config;
  config.timeouts.stall = kLongestInvocation;
  const aws::LambdaClient lambda(config);
  std::cerr << "invoking " << function << " (" << (config.region.empty() ? "default region" : config.region)
            << "); a large job takes minutes...\n";
  return function_result(function, lambda.invoke(function, event.dump()));
}

}  // namespace

DeployedInstance connect_instance(const std::string& instance, const DeployedOptions& options) {
  const auto config_file = load_instance(options.instance_dir, instance);
  if (!config_file.enabled.registry) {
    throw UsageError(config_file.source_file + ": enabled.registry is false, so instance " + instance +
                     " has no Registry; set it to true and deploy " + instance + "/Registry");
  }
  DeployedInstance d;
  d.config = aws::ClientConfig::from_environment();
  if (!options.endpoint.empty()) d.config.endpoint_url = options.endpoint;
  d.config.region = region_for(options.region, config_file);
  if (d.config.region.empty()) {
    throw UsageError("no AWS region for instance " + instance + ": set env.region in " +
                     config_file.source_file + ", pass --region, or set AWS_REGION");
  }
  const aws::CloudFormationClient cfn(d.config);
  d.stack = find_registry_stack(cfn, instance, d.config.region);
  return d;
}

nlohmann::ordered_json function_result(const std::string& function, const aws::InvokeResult& invoked) {
  if (!invoked.ok()) {
    // The runtime's error document: {"errorType": ..., "errorMessage": ...}; a crash may leave anything.
    std::string type = invoked.function_error;
    std::string message = invoked.payload;
    try {
      const auto doc = nlohmann::json::parse(invoked.payload);
      type = doc.value("errorType", type);
      message = doc.value("errorMessage", message);
    } catch (const nlohmann::json::exception&) {
    }
    throw FunctionFailed(function + " failed: " + type + ": " + message +
                         (invoked.log_tail.empty() ? "" : "\nlast log lines:\n" + invoked.log_tail));
  }
  try {
    auto result = nlohmann::ordered_json::parse(invoked.payload);
    if (!result.is_object())
      throw FunctionFailed(function + " returned " + invoked.payload + ", not a result object");
    return result;
  } catch (const nlohmann::json::exception&) {  // parse_error, or out_of_range for a number beyond a double
    throw FunctionFailed(function +
                         " returned something that is not JSON: " + invoked.payload.substr(0, 200));
  }
}

int ingest_deployed(const std::string& instance, const std::string& job, const DeployedOptions& options) {
  const auto d = connect_instance(instance, options);
  std::cerr << "ingesting s3://" << d.stack.ingest_bucket << "/" << job << "\n";
  const auto result = invoke(d, d.stack.ingester_function, nlohmann::json{{"job_folder", job}});
  return print_ingest_result(result, options.json, std::cout) ? kExitOk : kExitFailed;
}

int catalog_deployed(const std::string& instance, const DeployedOptions& options) {
  const auto d = connect_instance(instance, options);
  const auto result = invoke(d, d.stack.cataloger_function, nlohmann::json::object());
  return print_catalog_result(result, options.json, std::cout) ? kExitOk : kExitFailed;
}

}  // namespace heliocloud::registry::cli
