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

class RegistryStack : public construct::Stack {
 public:
  // `registry_package`: the built Lambda package of both functions (build/lambda/registry). The
  // custom-resource provider's package comes from the scope above
  // (aws_constructs::CustomResourceProvider::use_package).
  RegistryStack(construct::Construct& scope, std::string id, const config::InstanceConfig& config,
                const std::filesystem::path& registry_package, construct::StackProps props);

 private:
  void add_ingest_bucket(const config::RegistryConfig& registry);
  void add_dataset_buckets(const config::RegistryConfig& registry);
  void add_requester_pays(aws_constructs::Bucket& bucket, const std::string& name, bool enabled);
  void add_functions(const config::RegistryConfig& registry, const std::filesystem::path& package);
  void add_outputs(const config::RegistryConfig& registry);
  void add_warnings(const config::RegistryConfig& registry);

  aws_constructs::Bucket* ingest_ = nullptr;
  std::vector<aws_constructs::Bucket*> datasets_;
  aws_constructs::Table* table_ = nullptr;
  aws_constructs::Function* ingester_ = nullptr;
  aws_constructs::Function* cataloger_ = nullptr;
};

}  // namespace heliocloud::stacks
