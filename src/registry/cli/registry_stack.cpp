#include "registry/cli/registry_stack.h"

#include "base/text.h"
#include "contracts/registry_functions.h"
#include "contracts/stack_names.h"
#include "deployed/instance_stack.h"
#include "registry/cli/usage_error.h"

namespace heliocloud::registry::cli {

namespace {

namespace outputs = contracts::registry::outputs;
constexpr std::string_view kStackId = contracts::stacks::kRegistry;

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
  return deployed::stack_name(instance, kStackId);
}

RegistryStack registry_stack_from(const std::string& instance, const aws::Stack& stack) {
  if (auto why = deployed::unusable_reason(instance, kStackId, stack); !why.empty()) throw UsageError(why);
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
                     deployed::deploy_hint(instance, kStackId));
  }
  return r;
}

RegistryStack find_registry_stack(const aws::CloudFormationClient& cfn, const std::string& instance,
                                  const std::string& region) {
  auto found = deployed::find_stack(cfn, instance, kStackId, region);
  if (!found.ok()) throw UsageError(found.error);
  return registry_stack_from(instance, found.get());
}

}  // namespace heliocloud::registry::cli
