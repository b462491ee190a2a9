#pragma once
// <instance>/Base: the network and the shared storage every other stack builds on.

#include <memory>

#include "aws_constructs/ec2_vpc.h"
#include "aws_constructs/iam.h"
#include "aws_constructs/s3_bucket.h"
#include "config/instance_config.h"
#include "construct/stack.h"

namespace heliocloud::stacks {

class BaseStack : public construct::Stack {
 public:
  BaseStack(construct::Construct& scope, std::string id, const config::InstanceConfig& config,
            construct::StackProps props);

  // Shared with other stacks; using them there creates the exports and imports.
  const aws_constructs::IVpc& vpc() const { return *vpc_; }
  const aws_constructs::ManagedPolicy& s3_managed_policy() const { return *s3_policy_; }
  const aws_constructs::Bucket& user_shared_bucket() const { return *shared_bucket_; }

 private:
  aws_constructs::IVpc* vpc_ = nullptr;
  aws_constructs::Bucket* shared_bucket_ = nullptr;
  aws_constructs::ManagedPolicy* s3_policy_ = nullptr;
};

}  // namespace heliocloud::stacks
