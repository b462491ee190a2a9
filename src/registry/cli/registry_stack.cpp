#include "registry/cli/registry_stack.h"

#include "aws/errors.h"
#include "construct/logical_id.h"
#include "registry/cli/usage_error.h"

namespace heliocloud::registry::cli {

namespace {

std::string deploy_hint(const std::string& instance) {
  return "deploy it with: cdk deploy " + instance + "/Registry -c instance=" + instance;
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.rfind(prefix, 0) == 0;
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const auto comma = s.find(',', start);
    auto item = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

std::string registry_stack_name(const std::string& instance) {
  return construct::makeUniqueId({instance, "Registry"});
}

RegistryStack registry_stack_from(const std::string& instance, const aws::Stack& stack) {
  // A stack whose creation never completed has no usable outputs (and one being deleted soon will not).
  for (const char* bad : {"CREATE_IN_PROGRESS", "CREATE_FAILED", "ROLLBACK_", "DELETE_"}) {
    if (starts_with(stack.status, bad)) {
      throw UsageError("the Registry stack " + stack.name + " of instance " + instance + " is " +
                       stack.status + (stack.status_reason.empty() ? "" : " (" + stack.status_reason + ")") +
                       "; " + deploy_hint(instance));
    }
  }
  RegistryStack r;
  r.stack_name = stack.name;
  std::vector<std::string> missing;
  const auto output = [&](const char* key) {
    auto value = stack.output(key);
    if (value.empty()) missing.emplace_back(key);
    return value;
  };
  r.ingester_function = output("IngesterFunctionName");
  r.cataloger_function = output("CatalogerFunctionName");
  r.ingest_bucket = output("IngestBucketName");
  r.dataset_buckets = split_commas(output("DatasetBucketNames"));
  r.dataset_table = output("DatasetTableName");
  if (!missing.empty()) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    throw UsageError("the Registry stack " + stack.name + " of instance " + instance + " has no output " +
                     list + " (it was deployed by an older installer?); " + deploy_hint(instance));
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
