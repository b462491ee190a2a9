#include "aws_constructs/lambda_function.h"

#include <stdexcept>

#include "construct/asset.h"
#include "construct/fn.h"

namespace heliocloud::aws_constructs {

void require_package(const std::filesystem::path& directory, const std::string& what) {
  if (!std::filesystem::exists(directory / "bootstrap"))
    throw std::runtime_error(
        directory.string() + ": the " + what +
        " Lambda package is missing (no bootstrap); build it with `cmake --build build "
        "--target lambda-packages`, or point --lambda-dir at the directory that holds it");
}

Function::Function(construct::Construct& scope, std::string id, FunctionProps props)
    : Construct(scope, std::move(id)) {
  role_ = &make<Role>("ServiceRole", RoleProps{.assumed_by = "lambda.amazonaws.com"});
  log_group_ =
      &make<construct::Construct>("LogGroup")
           .make<construct::CfnResource>("Resource", "AWS::Logs::LogGroup",
                                         Value::Map{{"RetentionInDays", Value(props.log_retention_days)}},
                                         construct::TagStyle::KeyValueList);
  log_group_->apply_removal_policy(construct::RemovalPolicy::Retain);

  grant(*role_, {"logs:CreateLogStream", "logs:PutLogEvents"}, {log_group_->get_att("Arn")});

  auto& code = make<construct::Asset>("Code", props.code_directory);
  Value::Map env;
  for (auto& [k, v] : props.environment) env.emplace(k, v);
  Value::Map p{{"Architectures", Value::list({Value("x86_64")})},
               {"Code", Value::map({{"S3Bucket", code.bucket_name()}, {"S3Key", Value(code.object_key())}})},
               {"Handler", Value(props.handler)},
               {"LoggingConfig", Value::map({{"LogFormat", Value("Text")}, {"LogGroup", log_group_->ref()}})},
               {"MemorySize", Value(props.memory_mb)},
               {"Role", role_->role_arn()},
               {"Runtime", Value(props.runtime)},
               {"Timeout", Value(props.timeout_seconds)}};
  if (!env.empty()) p.emplace("Environment", Value::map({{"Variables", Value(std::move(env))}}));
  if (!props.description.empty()) p.emplace("Description", Value(props.description));
  if (!props.function_name.empty()) p.emplace("FunctionName", Value(props.function_name));
  resource_ = &make<construct::CfnResource>("Resource", "AWS::Lambda::Function", std::move(p),
                                            construct::TagStyle::KeyValueList);
  code.add_resource_metadata_to(*resource_, "Code");
  // The function must not start before its role can write logs and do its work.
  resource_->add_dependency(role_->resource());
  if (const auto* policy = role_->default_policy()) resource_->add_dependency(*policy);
}

void Function::grant_invoke(IGrantable& principal) const {
  grant(principal, {"lambda:InvokeFunction"}, {function_arn()});
}

}  // namespace heliocloud::aws_constructs
