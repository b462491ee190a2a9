#pragma once
// IAM policy documents as Values, and the managed-policy resource.

#include <string>
#include <vector>

#include "construct/cfn_resource.h"
#include "construct/value.h"

namespace heliocloud::aws_constructs {

using construct::Value;

struct PolicyStatement {
  std::string effect = "Allow";
  std::vector<std::string> actions;
  std::vector<Value> resources;
  Value principal;  // null: none (identity policies)
  Value condition;  // null: none

  Value to_value() const;
};

Value policy_document(const std::vector<PolicyStatement>& statements);

// "arn:<partition>:s3:::<bucket>" for a bucket known by name.
Value s3_bucket_arn(const Value& bucket_name);
// The ARN of every object in the bucket: "<bucket arn>/*".
Value s3_objects_arn(const Value& bucket_arn);

struct ManagedPolicyProps {
  std::string description;
  std::vector<PolicyStatement> statements;
};

class ManagedPolicy : public construct::Construct {
 public:
  ManagedPolicy(construct::Construct& scope, std::string id, ManagedPolicyProps props);
  Value arn() const { return resource_->ref(); }  // Ref of a managed policy is its ARN
  const construct::CfnResource& resource() const { return *resource_; }

 private:
  construct::CfnResource* resource_;
};

}  // namespace heliocloud::aws_constructs
