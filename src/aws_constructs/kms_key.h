#pragma once
// A customer-managed KMS key with yearly rotation, retained unless told otherwise (aws-cdk-lib's kms.Key).
//
// Key policy: the account's root principal may use and manage the key (kms:* on the key), which is what
// aws-cdk-lib writes by default. It hands no one access by itself: it delegates to IAM, so a principal
// needs an identity policy too (grant_* below adds one). Without it, IAM grants could not work and the
// key could become unmanageable (KMS refuses a policy that locks out its own administrators).

#include <optional>
#include <string>

#include "aws_constructs/grant.h"
#include "construct/cfn_resource.h"
#include "construct/removal_policy.h"

namespace heliocloud::aws_constructs {

struct KeyProps {
  std::string description;
  std::optional<std::string> alias;  // "alias/<name>" or "<name>"
  bool enable_key_rotation = true;
  int pending_window_days = 30;  // 7..30: how long a deleted key can still be recovered
  construct::RemovalPolicy removal_policy = construct::RemovalPolicy::Retain;
};

class Key : public construct::Construct {
 public:
  Key(construct::Construct& scope, std::string id, KeyProps props = {});

  Value key_id() const { return resource_->ref(); }
  Value key_arn() const { return resource_->get_att("Arn"); }
  const construct::CfnResource& resource() const { return *resource_; }

  void grant_decrypt(IGrantable& principal) const;
  void grant_encrypt_decrypt(IGrantable& principal) const;

 private:
  construct::CfnResource* resource_;
};

}  // namespace heliocloud::aws_constructs
