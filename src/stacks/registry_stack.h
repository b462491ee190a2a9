#pragma once
// <instance>/Registry: where data providers upload ingest jobs, the public dataset buckets, the dataset table
// and the ingest and catalog functions (C++ on provided.al2023), plus the provider of the custom resources
// that empty buckets before deletion and switch requester pays.

#include <filesystem>
#include <vector>

#include "aws_constructs/dynamodb_table.h"
#include "aws_constructs/lambda_function.h"
#include "aws_constructs/s3_bucket.h"
#include "config/instance_config.h"
#include "construct/stack.h"

namespace heliocloud::stacks {

// Where the build put the Lambda packages: <lambdaDir>/registry and <lambdaDir>/custom-resource.
struct LambdaPackages {
  std::filesystem::path registry;
  std::filesystem::path customResource;
  static LambdaPackages in(const std::filesystem::path& lambdaDir);
};

class RegistryStack : public construct::Stack {
 public:
  RegistryStack(construct::Construct& scope, std::string id, const config::InstanceConfig& config,
                const LambdaPackages& packages, construct::StackProps props);

 private:
  aws_constructs::Function& provider(const LambdaPackages& packages);
  void emptyOnDelete(aws_constructs::Bucket& bucket, const std::string& id);

  aws_constructs::Function* provider_ = nullptr;
};

}  // namespace heliocloud::stacks
