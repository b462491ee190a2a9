#include "registry/cli/registry_stack.h"

#include "aws/errors.h"
#include "base/text.h"
#include "base/unique_id.h"
#include "contracts/registry_functions.h"
#include "contracts/stack_names.h"
#include "registry/cli/usage_error.h"

namespace heliocloud::registry::cli {

namespace {

namespace outputs = contracts::registry::outputs;

std::string deploy_hint(const std::string& instance) {
  return "deploy it with: cdk deploy " + instance + "/" + std::string(contracts::stacks::kRegistry) +
         " -c instance=" + instance;
}

// DatasetBucketNames is a comma-separated list; blanks around the names are not part of them.
std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  for (const auto piece : base::split(s, ',')) {
    const auto item = base::trim(piece, " ");
    if (!item.empty()) out.emplace_back(item);
  }
  return out;
}

}  // namespace

std::string registry_stack_name(const std::string& instance) {
  return base::make_unique_id({instance, std::string(contracts::stacks::kRegistry)});
}

RegistryStack registry_stack_from(const std::string& instance, const aws::Stack& stack) {
  // A stack whose creation never completed has no usable outputs (and one being deleted soon will not).
  for (const char* bad : {"CREATE_IN_PROGRESS", "CREATE_FAILED", "ROLLBACK_", "DELETE_"}) {
    if (stack.status.starts_with(bad)) {
      throw UsageError("the Registry stack " + stack.name + " of instance " + instance + " is " +
                       stack.status + (stack.status_reason.empty() ? "" : " (" + stack.status_reason + ")") +
                       "; " + deploy_hint(instance));
    }
  }
  RegistryStack r;
  r.stack_name = stack.name;
  std::vector<std::string> missing;
  const auto output = [&](std::string_view key) {
    auto value = stack.output(std::string(key));
    if (value.empty()) missing.emplace_back(key);
    return value;
  };
  r.ingester_function = output(outputs::kIngesterFunctionName);
  r.cataloger_function = output(outputs::kCatalogerFunctionName);
  r.ingest_bucket = output(outputs::kIngestBucketName);
  r.dataset_buckets = split_commas(output(outputs::kDatasetBucketNames));
  r.dataset_table = output(outputs::kDatasetTableName);
  if (!missing.empty()) {
    throw UsageError("the Registry stack " + stack.name + " of instance " + instance + " has no output " +
                     base::join(missing, ", ") + " (it was deployed by an older installer?); " +
                     deploy_hint(instance));
  }
  return r;
}

RegistryStack find_registry_stack(const aws::CloudFormationClient& cfn, const std::string& instance,
                                  const std::string& region) {
  const auto name = registry_stack_name(instance);
  const auto not_deployed = [&] {
    return UsageError("instance " + instance + " has no Registry stack (CloudFormation stack " + name +
                      ") in region " + (region.empty() ? "(default)" : region) + "; " +
                      deploy_hint(instance) + ", or pass --region if it is deployed elsewhere");
  };
  try {
    return registry_stack_from(instance, cfn.describe_stack(name));
  } catch (const aws::NotFoundError&) {
    throw not_deployed();
  } catch (const aws::ValidationError& e) {
    // Some endpoints answer "Stack with id X does not exist" as a plain ValidationError.
    if (e.aws_message().find("does not exist") == std::string::npos) throw;
    throw not_deployed();
  }
}

}  // namespace heliocloud::registry::cli
