#pragma once
// A Lambda function from a local directory (staged as an asset, zipped by the CDK CLI), with its own service
// role and log group: the role may write to that log group and nothing else until permissions are granted.

#include <filesystem>
#include <map>
#include <string>

#include "aws_constructs/iam_role.h"
#include "construct/cfn_resource.h"

namespace heliocloud::aws_constructs {

struct FunctionProps {
  std::filesystem::path codeDirectory;
  std::string handler;
  std::string runtime = "provided.al2023";
  std::string description;
  int memoryMb = 128;
  int timeoutSeconds = 3;
  int logRetentionDays = 90;
  std::map<std::string, Value> environment;
};

class Function : public construct::Construct {
 public:
  Function(construct::Construct& scope, std::string id, FunctionProps props);

  Value functionName() const { return resource_->ref(); }
  Value functionArn() const { return resource_->getAtt("Arn"); }
  Role& role() { return *role_; }
  const construct::CfnResource& resource() const { return *resource_; }
  void addToRolePolicy(PolicyStatement statement) { role_->addToPolicy(std::move(statement)); }

 private:
  Role* role_;
  construct::CfnResource* logGroup_;
  construct::CfnResource* resource_;
};

}  // namespace heliocloud::aws_constructs
