#pragma once
// The two policies of the Portal: what a signed-in user may do with their own credentials, and what the
// portal's function may do for everyone.

#include <string>
#include <vector>

#include "aws_constructs/grant.h"
#include "aws_constructs/iam_role.h"
#include "construct/value.h"

namespace heliocloud::stacks::portal_permissions {

struct UserScope {
  construct::Value instance_role_arn;  // the only role a user may pass (to their machines)
  construct::Value security_group_id;  // the only security group their machines may use
};

// The identity pool's authenticated role: machines, volumes and key pairs tagged Owner = the caller's
// username principal tag; their own IAM user's access keys; PassRole of the machines' role only.
void allow_users(aws_constructs::Role& role, const UserScope& scope);

// The function: the OAuth client's secret (DescribeUserPoolClient on the pool), a signed-in user's
// credentials from the identity pool (GetId, GetCredentialsForIdentity on that pool), the costs by owner
// (Cost Explorer has no resource-level permissions, so the app filters by the signed-in user), prices, the
// public AMI parameters, the read-only EC2 lookups of the launch form, and reading (GetObject, ListBucket:
// a missing catalog.json is then a 404, not a 403) exactly the instance's Registry dataset buckets for the
// datasets pages.
void allow_function(aws_constructs::IGrantable& function, const construct::Value& user_pool_arn,
                    const construct::Value& identity_pool_id,
                    const std::vector<std::string>& dataset_buckets);

}  // namespace heliocloud::stacks::portal_permissions
