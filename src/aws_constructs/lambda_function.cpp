#include "aws_constructs/lambda_function.h"

#include "construct/asset.h"
#include "construct/fn.h"

namespace heliocloud::aws_constructs {

Function::Function(construct::Construct& scope, std::string id, FunctionProps props)
    : Construct(scope, std::move(id)) {
  role_ = &make<Role>("ServiceRole", "lambda.amazonaws.com");
  logGroup_ =
      &make<construct::Construct>("LogGroup")
           .make<construct::CfnResource>("Resource", "AWS::Logs::LogGroup",
                                         Value::Map{{"RetentionInDays", Value(props.logRetentionDays)}},
                                         construct::TagStyle::KeyValueList);
  logGroup_->applyRemovalPolicy(construct::RemovalPolicy::Retain);

  PolicyStatement logs;
  logs.actions = {"logs:CreateLogStream", "logs:PutLogEvents"};
  logs.resources = {logGroup_->getAtt("Arn")};
  role_->addToPolicy(std::move(logs));

  auto& code = make<construct::Asset>("Code", props.codeDirectory);
  Value::Map env;
  for (auto& [k, v] : props.environment) env.emplace(k, v);
  Value::Map p{{"Architectures", Value::list({Value("x86_64")})},
               {"Code", Value::map({{"S3Bucket", code.bucketName()}, {"S3Key", Value(code.objectKey())}})},
               {"Handler", Value(props.handler)},
               {"LoggingConfig", Value::map({{"LogFormat", Value("Text")}, {"LogGroup", logGroup_->ref()}})},
               {"MemorySize", Value(props.memoryMb)},
               {"Role", role_->roleArn()},
               {"Runtime", Value(props.runtime)},
               {"Timeout", Value(props.timeoutSeconds)}};
  if (!env.empty()) p.emplace("Environment", Value::map({{"Variables", Value(std::move(env))}}));
  if (!props.description.empty()) p.emplace("Description", Value(props.description));
  resource_ = &make<construct::CfnResource>("Resource", "AWS::Lambda::Function", std::move(p),
                                            construct::TagStyle::KeyValueList);
  code.addResourceMetadataTo(*resource_, "Code");
  // The function must not start before its role can write logs and do its work.
  resource_->addDependency(role_->resource());
  if (const auto* policy = role_->defaultPolicy()) resource_->addDependency(*policy);
}

}  // namespace heliocloud::aws_constructs
