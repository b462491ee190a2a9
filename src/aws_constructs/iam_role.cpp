#include "aws_constructs/iam_role.h"

namespace heliocloud::aws_constructs {

Role::Role(construct::Construct& scope, std::string id, const std::string& servicePrincipal,
           std::vector<Value> managedPolicyArns)
    : Construct(scope, std::move(id)) {
  PolicyStatement trust;
  trust.actions = {"sts:AssumeRole"};
  trust.principal = Value::map({{"Service", Value(servicePrincipal)}});
  Value::Map props{{"AssumeRolePolicyDocument", policyDocument({trust})}};
  if (!managedPolicyArns.empty()) props.emplace("ManagedPolicyArns", Value(std::move(managedPolicyArns)));
  resource_ = &make<construct::CfnResource>("Resource", "AWS::IAM::Role", std::move(props),
                                            construct::TagStyle::KeyValueList);
}

void Role::addToPolicy(PolicyStatement statement) {
  statements_.push_back(std::move(statement));
  if (policy_ == nullptr) {
    policy_ = &make<construct::Construct>("DefaultPolicy")
                   .make<construct::CfnResource>("Resource", "AWS::IAM::Policy");
    policy_->setProperty("PolicyName", Value(policy_->logicalId()));
    policy_->setProperty("Roles", Value::list({roleName()}));
  }
  policy_->setProperty("PolicyDocument", policyDocument(statements_));
}

}  // namespace heliocloud::aws_constructs
