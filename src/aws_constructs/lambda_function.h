#pragma once
// A Lambda function from a local directory (staged as an asset, zipped by the CDK CLI), with its own service
// role and log group: the role may write to that log group and nothing else until permissions are granted.

#include <filesystem>
#include <map>
#include <string>

#include "aws_constructs/grant.h"
#include "aws_constructs/iam_role.h"
#include "construct/cfn_resource.h"

namespace heliocloud::aws_constructs {

struct FunctionProps {
  std::filesystem::path code_directory;
  // Empty: CloudFormation makes one up. Given, the function's ARN can be written without referring to the
  // function (for a policy of its own role, which the function depends on).
  std::string function_name;
  std::string handler;
  std::string runtime = "provided.al2023";
  std::string description;
  int memory_mb = 128;
  int timeout_seconds = 3;
  int log_retention_days = 90;
  std::map<std::string, Value> environment;
};

// Throws std::runtime_error naming `directory` and how to build it when it holds no Lambda package (a
// `bootstrap` executable, what provided.al2023 runs): synthesizing a function without its code would deploy
// a function that fails at its first invocation. `what` names the package in the message ("registry").
void require_package(const std::filesystem::path& directory, const std::string& what);

// A function is granted permissions through its service role.
class Function : public construct::Construct, public IGrantable {
 public:
  Function(construct::Construct& scope, std::string id, FunctionProps props);

  Value function_name() const { return resource_->ref(); }
  Value function_arn() const { return resource_->get_att("Arn"); }
  Role& role() { return *role_; }
  const construct::CfnResource& resource() const { return *resource_; }
  void add_to_principal_policy(PolicyStatement statement) override {
    role_->add_to_policy(std::move(statement));
  }

  // lambda:InvokeFunction on this function.
  void grant_invoke(IGrantable& principal) const;

 private:
  Role* role_;
  construct::CfnResource* log_group_;
  construct::CfnResource* resource_;
};

}  // namespace heliocloud::aws_constructs
