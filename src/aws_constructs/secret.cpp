#include "aws_constructs/secret.h"

#include <stdexcept>

#include "aws_constructs/kms_key.h"
#include "construct/fn.h"

namespace heliocloud::aws_constructs {

Secret::Secret(construct::Construct& scope, std::string id, SecretProps props)
    : Construct(scope, std::move(id)), key_(props.encryption_key) {
  if (props.secret_string_template.has_value() == props.generate_string_key.empty())
    throw std::invalid_argument(
        path() + ": secret_string_template and generate_string_key go together (both or neither)");
  Value::Map generate{{"PasswordLength", Value(props.password_length)}};
  if (props.exclude_punctuation) generate.emplace("ExcludePunctuation", Value(true));
  if (props.exclude_uppercase) generate.emplace("ExcludeUppercase", Value(true));
  if (!props.exclude_characters.empty())
    generate.emplace("ExcludeCharacters", Value(props.exclude_characters));
  if (props.secret_string_template) {
    generate.emplace("SecretStringTemplate", Value(*props.secret_string_template));
    generate.emplace("GenerateStringKey", Value(props.generate_string_key));
  }
  Value::Map p{{"GenerateSecretString", Value(std::move(generate))}};
  if (!props.description.empty()) p.emplace("Description", Value(props.description));
  if (props.secret_name) p.emplace("Name", Value(*props.secret_name));
  if (key_ != nullptr) p.emplace("KmsKeyId", key_->key_arn());
  resource_ = &make<construct::CfnResource>("Resource", "AWS::SecretsManager::Secret", std::move(p),
                                            construct::TagStyle::KeyValueList);
  // A deleted secret is scheduled for deletion (recoverable for days), which is aws-cdk-lib's default too.
  resource_->apply_removal_policy(construct::RemovalPolicy::Destroy);
}

Value Secret::secret_value_from_json(const std::string& json_key) const {
  return construct::fn::join(
      "", {Value("{{resolve:secretsmanager:"), secret_arn(), Value(":SecretString:" + json_key + "::}}")});
}

void Secret::grant_read(IGrantable& principal) const {
  grant(principal, {"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"}, {secret_arn()});
  if (key_ != nullptr) key_->grant_decrypt(principal);
}

}  // namespace heliocloud::aws_constructs
