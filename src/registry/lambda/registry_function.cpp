#include "registry/lambda/registry_function.h"

#include <algorithm>

#include "aws/dynamodb.h"
#include "aws/errors.h"
#include "aws/lambda.h"
#include "aws/s3.h"
#include "contracts/registry_functions.h"
#include "registry/aws/dynamodb_dataset_store.h"
#include "registry/aws/s3_object_store.h"
#include "registry/lambda/handlers.h"
#include "registry/lambda/log_progress.h"

namespace heliocloud::registry::lambda {

namespace {

// Time an ingest needs after taking its lease (merge the index files, write the record, clean up); the lease
// wait is cut so that this much is always left before the deadline.
constexpr std::chrono::seconds kAfterLease{90};
// Time kept back from the invocation's deadline for what follows the last chunk: the job's progress, the
// asynchronous invocation that continues the job, the response.
constexpr std::chrono::seconds kContinuationReserve{30};

lambda_runtime::HandlerResult failure(std::string type, std::string message) {
  return lambda_runtime::HandlerResult::failure(std::move(type), std::move(message));
}

}  // namespace

struct RegistryFunction::Backend {
  explicit Backend(const aws::ClientConfig& config, const std::string& table)
      : s3(config), dynamodb(config), lambda(config), objects(s3), records(dynamodb, table) {}
  aws::S3Client s3;
  aws::DynamoDbClient dynamodb;
  aws::LambdaClient lambda;
  S3ObjectStore objects;
  DynamoDbDatasetStore records;
  LogProgress progress;
};

HandlerKind parse_handler_name(const std::optional<std::string>& handler) {
  const std::string choices = std::string(contracts::registry::kIngestHandler) + " or " +
                              std::string(contracts::registry::kCatalogHandler);
  if (!handler)
    throw InitError({"_HANDLER: not set; Lambda sets it from the function's Handler (" + choices + ")"});
  if (*handler == contracts::registry::kIngestHandler) return HandlerKind::Ingest;
  if (*handler == contracts::registry::kCatalogHandler) return HandlerKind::Catalog;
  throw InitError(
      {"_HANDLER: \"" + *handler + "\" is not a Registry handler; set the function's Handler to " + choices});
}

RegistryFunction::RegistryFunction(HandlerKind kind, LambdaEnvironment env, const aws::ClientConfig& config)
    : kind_(kind), env_(std::move(env)), backend_(std::make_unique<Backend>(config, env_.dataset_table)) {}

RegistryFunction::~RegistryFunction() = default;

lambda_runtime::HandlerResult RegistryFunction::invoke(const std::string& payload,
                                                       std::chrono::milliseconds remaining) {
  try {
    nlohmann::json event;
    try {
      // Lambda sends the invoker's bytes as they are; an empty payload is what `aws lambda invoke` sends
      // without one.
      event = payload.empty() ? nlohmann::json::object() : nlohmann::json::parse(payload);
    } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for 1e999
      return failure("InvalidEvent", std::string("the event is not JSON: ") + e.what());
    }
    nlohmann::ordered_json result;
    if (kind_ == HandlerKind::Ingest) {
      IngestOptions options;
      options.progress = &backend_->progress;
      options.chunk_files = env_.chunk_files;
      const auto left = std::chrono::duration_cast<std::chrono::seconds>(remaining) - kAfterLease;
      options.lease_wait = std::clamp(left, std::chrono::seconds(0), options.lease_wait);
      options.deadline = std::chrono::steady_clock::now() + remaining - kContinuationReserve;
      result = handle_ingest(event, env_, backend_->objects, backend_->records, options);
      if (result.value("unfinished", false)) {
        if (env_.function_name.empty()) {
          result["continued"] = false;  // outside Lambda: a rerun goes on
        } else {
          // The job goes on in a new invocation, from the progress this one saved (the job's lease is
          // released by now). Asynchronous: this invocation ends at once, and Lambda retries a failed start.
          aws::InvokeOptions async;
          async.asynchronous = true;
          try {
            (void)backend_->lambda.invoke(env_.function_name, payload, async);
          } catch (const aws::AwsError& e) {
            // Failing the invocation makes Lambda retry an asynchronous one, which continues the job.
            return failure("ContinuationFailed",
                           "the job's progress is saved, but invoking " + env_.function_name +
                               " to continue it failed: " + e.what() + "; run the job again to resume it");
          }
          result["continued"] = true;
        }
      }
    } else {
      result = handle_catalog(event, env_, backend_->objects, backend_->records);
    }
    return lambda_runtime::HandlerResult::success(result.dump());
  } catch (const HandlerError& e) {
    return failure(e.type(), e.what());
  } catch (const StoreError& e) {
    return failure("StoreError", e.what());
  } catch (const aws::AwsError& e) {
    return failure("AwsError", e.what());
  } catch (const std::exception& e) {
    return failure("InternalError", e.what());
  }
}

std::unique_ptr<RegistryFunction> registry_function_from_environment() {
  const auto lookup = process_environment();
  // Both checks before either throws, so one init error lists every problem.
  std::vector<std::string> problems;
  std::optional<HandlerKind> kind;
  try {
    kind = parse_handler_name(lookup("_HANDLER"));
  } catch (const InitError& e) {
    problems.insert(problems.end(), e.problems().begin(), e.problems().end());
  }
  std::optional<LambdaEnvironment> env;
  try {
    env = read_lambda_environment(lookup);
  } catch (const InitError& e) {
    problems.insert(problems.end(), e.problems().begin(), e.problems().end());
  }
  if (!problems.empty()) throw InitError(std::move(problems));
  return std::make_unique<RegistryFunction>(*kind, std::move(*env), aws::ClientConfig::from_environment());
}

}  // namespace heliocloud::registry::lambda
