#include "aws_constructs/iam.h"

#include "construct/fn.h"

namespace heliocloud::aws_constructs {

Value PolicyStatement::to_value() const {
  Value::Map m;
  // A single action or resource is written as a plain string, as aws-cdk-lib does.
  if (actions.size() == 1) {
    m.emplace("Action", Value(actions.front()));
  } else {
    Value::List list;
    for (const auto& a : actions) list.emplace_back(a);
    m.emplace("Action", Value(std::move(list)));
  }
  m.emplace("Effect", Value(effect));
  if (!resources.empty()) m.emplace("Resource", resources.size() == 1 ? resources.front() : Value(resources));
  if (!principal.is_null()) m.emplace("Principal", principal);
  if (!condition.is_null()) m.emplace("Condition", condition);
  return Value(std::move(m));
}

Value policy_document(const std::vector<PolicyStatement>& statements) {
  Value::List list;
  for (const auto& s : statements) list.push_back(s.to_value());
  return Value::map({{"Statement", Value(std::move(list))}, {"Version", Value("2012-10-17")}});
}

Value s3_bucket_arn(const Value& bucket_name) {
  return construct::fn::join("",
                             {Value("arn:"), construct::pseudo::partition(), Value(":s3:::"), bucket_name});
}

Value s3_objects_arn(const Value& bucket_arn) {
  return construct::fn::join("", {bucket_arn, Value("/*")});
}

ManagedPolicy::ManagedPolicy(construct::Construct& scope, std::string id, ManagedPolicyProps props)
    : Construct(scope, std::move(id)) {
  resource_ =
      &make<construct::CfnResource>("Resource", "AWS::IAM::ManagedPolicy",
                                    Value::Map{{"Description", Value(std::move(props.description))},
                                               {"Path", Value("/")},
                                               {"PolicyDocument", policy_document(props.statements)}});
}

}  // namespace heliocloud::aws_constructs
