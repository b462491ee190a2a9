#pragma once
// An IAM role assumed by a service, with an inline "DefaultPolicy" that grows as permissions are granted
// (the shape aws-cdk-lib gives Lambda service roles, so logical ids read the same).

#include <optional>
#include <string>
#include <vector>

#include "aws_constructs/grant.h"
#include "aws_constructs/iam.h"

namespace heliocloud::aws_constructs {

struct RoleProps {
  std::string assumed_by;  // the service principal, e.g. "lambda.amazonaws.com"
  std::vector<Value> managed_policy_arns;
  // Instead of assumed_by: the whole trust statement, for a federated principal with conditions (an
  // identity pool's users).
  std::optional<PolicyStatement> trust;
};

class Role : public construct::Construct, public IGrantable {
 public:
  Role(construct::Construct& scope, std::string id, RoleProps props);

  Value role_arn() const { return resource_->get_att("Arn"); }
  Value role_name() const { return resource_->ref(); }
  const construct::CfnResource& resource() const { return *resource_; }
  // The inline policy resource, or nullptr while nothing was granted.
  const construct::CfnResource* default_policy() const { return policy_; }

  // Adds the statement to the DefaultPolicy, merged into an earlier one where that changes no permission
  // (same resources: the actions join; same actions: the resources join), as aws-cdk-lib minimizes them.
  void add_to_policy(PolicyStatement statement);
  void add_to_principal_policy(PolicyStatement statement) override { add_to_policy(std::move(statement)); }

 private:
  construct::CfnResource* resource_;
  construct::CfnResource* policy_ = nullptr;
  std::vector<PolicyStatement> statements_;
};

}  // namespace heliocloud::aws_constructs
