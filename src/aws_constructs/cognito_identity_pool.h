#pragma once
// A Cognito identity pool for one user pool app client: each signed-in user of the app gets AWS credentials
// of the pool's authenticated role, tagged with claims of their token (principal tags). Policies can then
// say "only resources tagged with your own user name" (aws:PrincipalTag/...), so IAM itself keeps users
// apart, whatever the app does. No unauthenticated identities, no classic flow.

#include <map>
#include <optional>
#include <string>

#include "aws_constructs/iam_role.h"
#include "construct/cfn_resource.h"

namespace heliocloud::aws_constructs {

struct IdentityPoolProps {
  Value user_pool_provider_name;  // UserPool::provider_name()
  Value user_pool_client_id;
  // Principal tag -> token claim, e.g. {"username", "cognito:username"}.
  std::map<std::string, std::string> principal_tags;
  std::optional<std::string> identity_pool_name;
};

class IdentityPool : public construct::Construct {
 public:
  IdentityPool(construct::Construct& scope, std::string id, IdentityPoolProps props);

  Value identity_pool_id() const { return resource_->ref(); }
  // Assumed by the pool's signed-in users (through AssumeRoleWithWebIdentity, with their tags).
  Role& authenticated_role() { return *authenticated_role_; }
  const construct::CfnResource& resource() const { return *resource_; }

 private:
  construct::CfnResource* resource_;
  Role* authenticated_role_;
};

}  // namespace heliocloud::aws_constructs
