#pragma once
// The deployed Registry stack of an instance, found the way the CDK names it: the stack `<instance>/Registry`
// has the CloudFormation name makeUniqueId([instance, "Registry"]) (e.g. heliocloudRegistryD345BE88), and its
// outputs name the functions, buckets and table.
#include <string>
#include <vector>

#include "aws/cloudformation.h"

namespace heliocloud::registry::cli {

struct RegistryStack {
  std::string stack_name;
  std::string ingester_function;             // IngesterFunctionName
  std::string cataloger_function;            // CatalogerFunctionName
  std::string ingest_bucket;                 // IngestBucketName
  std::vector<std::string> dataset_buckets;  // DatasetBucketNames (comma-separated)
  std::string dataset_table;                 // DatasetTableName
};

[[nodiscard]] std::string registry_stack_name(const std::string& instance);

// From a described stack: every missing output is named at once. Throws UsageError.
[[nodiscard]] RegistryStack registry_stack_from(const std::string& instance, const aws::Stack& stack);

// DescribeStacks + registry_stack_from. A stack that does not exist, or never finished creating, is a
// UsageError that says how to deploy it.
[[nodiscard]] RegistryStack find_registry_stack(const aws::CloudFormationClient& cfn,
                                                const std::string& instance, const std::string& region);

}  // namespace heliocloud::registry::cli
