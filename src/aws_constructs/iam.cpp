#include "aws_constructs/iam.h"

#include "construct/fn.h"

namespace heliocloud::aws_constructs {

Value PolicyStatement::toValue() const {
  Value::Map m;
  // A single action or resource is written as a plain string, as aws-cdk-lib does.
  if (actions.size() == 1)
    m.emplace("Action", Value(actions.front()));
  else {
    Value::List list;
    for (const auto& a : actions) list.emplace_back(a);
    m.emplace("Action", Value(std::move(list)));
  }
  m.emplace("Effect", Value(effect));
  if (!resources.empty()) m.emplace("Resource", resources.size() == 1 ? resources.front() : Value(resources));
  if (!principal.isNull()) m.emplace("Principal", principal);
  if (!condition.isNull()) m.emplace("Condition", condition);
  return Value(std::move(m));
}

Value policyDocument(const std::vector<PolicyStatement>& statements) {
  Value::List list;
  for (const auto& s : statements) list.push_back(s.toValue());
  return Value::map({{"Statement", Value(std::move(list))}, {"Version", Value("2012-10-17")}});
}

Value s3BucketArn(const Value& bucketName) {
  return construct::fn::join("",
                             {Value("arn:"), construct::pseudo::partition(), Value(":s3:::"), bucketName});
}

Value s3ObjectsArn(const Value& bucketArn) {
  return construct::fn::join("", {bucketArn, Value("/*")});
}

ManagedPolicy::ManagedPolicy(construct::Construct& scope, std::string id, std::string description,
                             std::vector<PolicyStatement> statements)
    : Construct(scope, std::move(id)) {
  resource_ = &make<construct::CfnResource>("Resource", "AWS::IAM::ManagedPolicy",
                                            Value::Map{{"Description", Value(std::move(description))},
                                                       {"Path", Value("/")},
                                                       {"PolicyDocument", policyDocument(statements)}});
}

}  // namespace heliocloud::aws_constructs
