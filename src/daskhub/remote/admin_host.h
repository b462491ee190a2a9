#pragma once
// The Daskhub admin host of a deployed instance: the EC2 instance the Daskhub stack names in its InstanceID
// output (contracts/daskhub.h), where the stack put the deploy kit.
#include <string>

#include "aws/cloudformation.h"

namespace heliocloud::daskhub::remote {

struct AdminHost {
  std::string stack_name;   // the CloudFormation stack, e.g. heliocloudDaskhubC1F2A3B4
  std::string instance_id;  // i-0123456789abcdef0
};

// From a described stack. Throws SetupError when the output is missing or is not an instance id.
[[nodiscard]] AdminHost admin_host_from(const std::string& instance, const aws::Stack& stack);

// DescribeStacks of `<instance>/Daskhub` + admin_host_from. A stack that does not exist or never finished
// deploying is a SetupError that says to `cdk deploy` it.
[[nodiscard]] AdminHost find_admin_host(const aws::CloudFormationClient& cfn, const std::string& instance,
                                        const std::string& region);

}  // namespace heliocloud::daskhub::remote
