#include "aws_constructs/cognito.h"

namespace heliocloud::aws_constructs {
UserPool::UserPool(construct::Construct& scope, std::string id, UserPoolProps props)
    : Construct(scope, std::move(id)) {
  Value::List schema{
      Value::map({{"Mutable", Value(true)}, {"Name", Value("email")}, {"Required", Value(true)}})};
  for (const auto& a : props.custom_attributes)
    schema.push_back(Value::map(
        {{"AttributeDataType", Value("String")},
         {"Mutable", Value(a.is_mutable)},
         {"Name", Value(a.name)},
         {"StringAttributeConstraints", Value::map({{"MaxLength", Value(std::to_string(a.max_length))}})}}));
  Value email_config = props.email ? Value::map({{"EmailSendingAccount", Value("DEVELOPER")},
                                                 {"From", Value(props.email->from)},
                                                 {"SourceArn", props.email->source_arn}})
                                   : Value::map({{"EmailSendingAccount", Value("COGNITO_DEFAULT")}});
  resource_ = &make<construct::CfnResource>(
      "Resource", "AWS::Cognito::UserPool",
      Value::Map{
          {"AccountRecoverySetting",
           Value::map({{"RecoveryMechanisms", Value::list({Value::map({{"Name", Value("verified_email")},
                                                                       {"Priority", Value(1)}})})}})},
          {"AdminCreateUserConfig", Value::map({{"AllowAdminCreateUserOnly", Value(true)}})},
          {"AutoVerifiedAttributes", Value::list({Value("email")})},
          {"DeletionProtection", Value(props.deletion_protection ? "ACTIVE" : "INACTIVE")},
          {"EmailConfiguration", email_config},
          {"Schema", Value(std::move(schema))},
          {"UsernameConfiguration", Value::map({{"CaseSensitive", Value(false)}})}},
      construct::TagStyle::Map, "UserPoolTags");
  resource_->apply_removal_policy(props.removal_policy);
}

construct::CfnResource& UserPool::add_domain(const std::string& id, const std::string& prefix) {
  return make<construct::Construct>(id).make<construct::CfnResource>(
      "Resource", "AWS::Cognito::UserPoolDomain",
      Value::Map{{"Domain", Value(prefix)}, {"UserPoolId", user_pool_id()}});
}

void UserPool::add_ui_customization(const std::string& id, const std::string& css,
                                    const construct::CfnResource& domain) {
  auto& ui = make<construct::CfnResource>(
      id, "AWS::Cognito::UserPoolUICustomizationAttachment",
      Value::Map{{"CSS", Value(css)}, {"ClientId", Value("ALL")}, {"UserPoolId", user_pool_id()}});
  ui.add_dependency(domain);  // Cognito rejects hosted-UI style before the pool has a domain
}

UserPoolClient& UserPool::add_client(const std::string& id, UserPoolClientProps props) {
  props.user_pool_id = user_pool_id();
  return make<UserPoolClient>(id, std::move(props));
}

}  // namespace heliocloud::aws_constructs
