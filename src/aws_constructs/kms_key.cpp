#include "aws_constructs/kms_key.h"

#include "construct/fn.h"
#include "construct/stack.h"

namespace heliocloud::aws_constructs {

Key::Key(construct::Construct& scope, std::string id, KeyProps props) : Construct(scope, std::move(id)) {
  PolicyStatement account_admin;
  account_admin.actions = {"kms:*"};
  account_admin.principal =
      Value::map({{"AWS", construct::fn::join("", {Value("arn:"), construct::pseudo::partition(),
                                                   Value(":iam::"), stack().account(), Value(":root")})}});
  account_admin.resources = {Value("*")};  // in a key policy, "*" is this key
  Value::Map p{{"EnableKeyRotation", Value(props.enable_key_rotation)},
               {"KeyPolicy", policy_document({account_admin})},
               {"PendingWindowInDays", Value(props.pending_window_days)}};
  if (!props.description.empty()) p.emplace("Description", Value(props.description));
  resource_ = &make<construct::CfnResource>("Resource", "AWS::KMS::Key", std::move(p),
                                            construct::TagStyle::KeyValueList);
  resource_->apply_removal_policy(props.removal_policy);
  if (props.alias) {
    const std::string name = props.alias->starts_with("alias/") ? *props.alias : "alias/" + *props.alias;
    make<construct::Construct>("Alias").make<construct::CfnResource>(
        "Resource", "AWS::KMS::Alias", Value::Map{{"AliasName", Value(name)}, {"TargetKeyId", key_arn()}});
  }
}

void Key::grant_decrypt(IGrantable& principal) const {
  grant(principal, {"kms:Decrypt"}, {key_arn()});
}

void Key::grant_encrypt_decrypt(IGrantable& principal) const {
  grant(principal, {"kms:Decrypt", "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"}, {key_arn()});
}

}  // namespace heliocloud::aws_constructs
