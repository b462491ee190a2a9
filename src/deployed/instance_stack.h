#pragma once
// An instance's deployed stacks, found the way the CDK names them: the stack `<instance>/<id>` (ids in
// contracts/stack_names.h) is the CloudFormation stack makeUniqueId([instance, id]), e.g.
// heliocloudRegistryD345BE88. Shared by the tools that read a deployed stack's outputs (the heliocloud
// commands), so that they all name it, and explain its absence, the same way.
#include <string>
#include <string_view>

#include "aws/cloudformation.h"
#include "base/result.h"

namespace heliocloud::deployed {

[[nodiscard]] std::string stack_name(const std::string& instance, std::string_view stack_id);

// "deploy it with: cdk deploy <instance>/<id> -c instance=<instance>"
[[nodiscard]] std::string deploy_hint(const std::string& instance, std::string_view stack_id);

// Why a described stack's outputs cannot be used (its creation never completed, it is being deleted...), or
// "" when they can.
[[nodiscard]] std::string unusable_reason(const std::string& instance, std::string_view stack_id,
                                          const aws::Stack& stack);

// DescribeStacks by the CDK's name. A stack that does not exist in `region`, or is unusable, is a failure
// whose message says how to deploy it; any other AWS error is thrown.
[[nodiscard]] base::Result<aws::Stack> find_stack(const aws::CloudFormationClient& cfn,
                                                  const std::string& instance, std::string_view stack_id,
                                                  const std::string& region);

}  // namespace heliocloud::deployed
