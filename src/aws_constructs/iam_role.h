#pragma once
// An IAM role assumed by a service, with an inline "DefaultPolicy" that grows as permissions are granted
// (the shape aws-cdk-lib gives Lambda service roles, so logical ids read the same).

#include <string>
#include <vector>

#include "aws_constructs/iam.h"

namespace heliocloud::aws_constructs {

class Role : public construct::Construct {
 public:
  Role(construct::Construct& scope, std::string id, const std::string& servicePrincipal,
       std::vector<Value> managedPolicyArns = {});

  Value roleArn() const { return resource_->getAtt("Arn"); }
  Value roleName() const { return resource_->ref(); }
  const construct::CfnResource& resource() const { return *resource_; }
  // The inline policy resource, or nullptr while nothing was granted.
  const construct::CfnResource* defaultPolicy() const { return policy_; }

  void addToPolicy(PolicyStatement statement);

 private:
  construct::CfnResource* resource_;
  construct::CfnResource* policy_ = nullptr;
  std::vector<PolicyStatement> statements_;
};

}  // namespace heliocloud::aws_constructs
