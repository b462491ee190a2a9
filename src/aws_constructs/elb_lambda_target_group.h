#pragma once
// A load balancer target group whose one target is a Lambda function, with the permission that lets Elastic
// Load Balancing invoke it (aws-cdk-lib's LambdaTarget).
//
// ELB checks that permission when it registers the function, so the target group must be created after the
// permission. The permission therefore cannot name the target group by Ref (that would be a cycle): its
// SourceArn is the target group's ARN pattern, built from the explicit target group name.

#include <optional>
#include <string>

#include "aws_constructs/lambda_function.h"
#include "construct/cfn_resource.h"

namespace heliocloud::aws_constructs {

struct LambdaTargetGroupProps {
  Function* function = nullptr;
  // 1-32 letters, digits and hyphens; derived from the stack and construct path when absent.
  std::optional<std::string> target_group_name;
  bool multi_value_headers = false;
};

class LambdaTargetGroup : public construct::Construct {
 public:
  LambdaTargetGroup(construct::Construct& scope, std::string id, const LambdaTargetGroupProps& props);

  Value target_group_arn() const { return resource_->ref(); }
  const std::string& target_group_name() const { return name_; }
  const construct::CfnResource& resource() const { return *resource_; }
  const construct::CfnResource& invoke_permission() const { return *permission_; }

 private:
  std::string name_;
  construct::CfnResource* permission_;
  construct::CfnResource* resource_;
};

// A target group name from a stack name and a construct path: letters and digits, at most 32 characters
// (the start and an 8-character hash of the whole when it is longer).
std::string target_group_name_for(const std::string& stack_name, const std::string& path);

}  // namespace heliocloud::aws_constructs
