#include "registry/cli/deployed.h"

#include <iostream>

#include "aws/cloudformation.h"
#include "aws/dynamodb.h"
#include "aws/s3.h"
#include "registry/aws/dynamodb_dataset_store.h"
#include "registry/aws/s3_object_store.h"
#include "registry/cli/instance_settings.h"
#include "registry/cli/job_follower.h"
#include "registry/cli/result_printer.h"
#include "registry/cli/usage_error.h"
#include "registry/ingest_service.h"

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
    } catch (const nlohmann::json::exception&) {  // ignored: not JSON; the payload is the message
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

namespace {

JobLocation job_in(const RegistryStack& stack, const std::string& job) {
  try {
    auto location = parse_job_location(job.starts_with("s3://") ? job : stack.ingest_bucket + "/" + job);
    if (location.bucket != stack.ingest_bucket || location.folder.empty()) {
      throw UsageError("job " + job + ": name a job folder in the ingest bucket s3://" + stack.ingest_bucket +
                       "/");
    }
    return location;
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("job: ") + e.what());
  }
}

void print_progress(const JobProgress& job, bool as_json, std::ostream& out) {
  if (as_json) {
    out << to_json(job).dump(2) << "\n";
  } else {
    print_job(job, out);
  }
}

}  // namespace

int ingest_deployed(const std::string& instance, const std::string& job, const DeployedOptions& options) {
  const auto d = connect_instance(instance, options);
  const auto location = job_in(d.stack, job);
  const auto key = job_key(location);
  const aws::DynamoDbClient dynamodb(d.config);
  DynamoDbDatasetStore records(dynamodb, d.stack.dataset_table);
  const auto before = records.get_job(key);
  if (before && before->state == JobState::Published) {
    // entries.json goes when a job is published; a job uploaded again under the same name has a new one.
    const aws::S3Client s3(d.config);
    S3ObjectStore objects(s3);
    if (!objects.head(location.bucket, location.key(kEntriesFile))) {
      std::cout << "nothing to do: job " << key << " was published at " << format_time(before->finished, 0)
                << "\n";
      return kExitOk;
    }
  }
  aws::InvokeOptions async;
  async.asynchronous = true;
  const aws::LambdaClient lambda(d.config);
  (void)lambda.invoke(d.stack.ingester_function, nlohmann::json{{"job_folder", location.folder}}.dump(),
                      async);
  if (options.no_wait) {
    std::cout << "started " << key << " (" << d.stack.ingester_function
              << "); follow it with: heliocloud status " << instance << " " << location.folder << "\n";
    return kExitOk;
  }
  std::cerr << "ingesting " << key << " (" << d.stack.ingester_function
            << "); Ctrl-C stops following, not the job\n";
  const auto done = follow_job(records, key, before ? before->runs : 0);
  print_progress(done, options.json, std::cout);
  return done.state == JobState::Published ? kExitOk : kExitFailed;
}

int status_deployed(const std::string& instance, const std::optional<std::string>& job,
                    const DeployedOptions& options) {
  const auto d = connect_instance(instance, options);
  const aws::DynamoDbClient dynamodb(d.config);
  DynamoDbDatasetStore records(dynamodb, d.stack.dataset_table);
  if (job) {
    const auto key = job_key(job_in(d.stack, *job));
    const auto progress = records.get_job(key);
    if (!progress)
      throw UsageError("no ingest of " + key + " has started yet (heliocloud ingest starts one)");
    print_progress(*progress, options.json, std::cout);
    return progress->state == JobState::Failed ? kExitFailed : kExitOk;
  }
  const auto jobs = records.list_jobs();
  if (options.json) {
    auto all = nlohmann::ordered_json::array();
    for (const auto& j : jobs) all.push_back(to_json(j));
    std::cout << all.dump(2) << "\n";
  } else {
    print_jobs(jobs, std::cout);
  }
  return kExitOk;
}

int catalog_deployed(const std::string& instance, const DeployedOptions& options) {
  const auto d = connect_instance(instance, options);
  const auto result = invoke(d, d.stack.cataloger_function, nlohmann::json::object());
  return print_catalog_result(result, options.json, std::cout) ? kExitOk : kExitFailed;
}

}  // namespace heliocloud::registry::cli
