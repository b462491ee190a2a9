#include "aws_constructs/cognito.h"

namespace heliocloud::aws_constructs {
namespace {

Value strings(const std::vector<std::string>& items) {
  Value::List out;
  for (const auto& i : items) out.emplace_back(i);
  return Value(std::move(out));
}

}  // namespace

UserPool::UserPool(construct::Construct& scope, std::string id, UserPoolProps props)
    : Construct(scope, std::move(id)) {
  Value::List schema{
      Value::map({{"Mutable", Value(true)}, {"Name", Value("email")}, {"Required", Value(true)}})};
  for (const auto& a : props.customAttributes)
    schema.push_back(Value::map(
        {{"AttributeDataType", Value("String")},
         {"Mutable", Value(a.mutable_)},
         {"Name", Value(a.name)},
         {"StringAttributeConstraints", Value::map({{"MaxLength", Value(std::to_string(a.maxLength))}})}}));
  Value emailConfig = props.email ? Value::map({{"EmailSendingAccount", Value("DEVELOPER")},
                                                {"From", Value(props.email->from)},
                                                {"SourceArn", props.email->sourceArn}})
                                  : Value::map({{"EmailSendingAccount", Value("COGNITO_DEFAULT")}});
  resource_ = &make<construct::CfnResource>(
      "Resource", "AWS::Cognito::UserPool",
      Value::Map{
          {"AccountRecoverySetting",
           Value::map({{"RecoveryMechanisms", Value::list({Value::map({{"Name", Value("verified_email")},
                                                                       {"Priority", Value(1)}})})}})},
          {"AdminCreateUserConfig", Value::map({{"AllowAdminCreateUserOnly", Value(true)}})},
          {"AutoVerifiedAttributes", Value::list({Value("email")})},
          {"DeletionProtection", Value(props.deletionProtection ? "ACTIVE" : "INACTIVE")},
          {"EmailConfiguration", emailConfig},
          {"Schema", Value(std::move(schema))},
          {"UsernameConfiguration", Value::map({{"CaseSensitive", Value(false)}})}},
      construct::TagStyle::Map, "UserPoolTags");
  resource_->applyRemovalPolicy(props.removalPolicy);
}

construct::CfnResource& UserPool::addDomain(const std::string& id, const std::string& prefix) {
  return make<construct::Construct>(id).make<construct::CfnResource>(
      "Resource", "AWS::Cognito::UserPoolDomain",
      Value::Map{{"Domain", Value(prefix)}, {"UserPoolId", userPoolId()}});
}

void UserPool::addUiCustomization(const std::string& id, const std::string& css,
                                  const construct::CfnResource& domain) {
  auto& ui = make<construct::CfnResource>(
      id, "AWS::Cognito::UserPoolUICustomizationAttachment",
      Value::Map{{"CSS", Value(css)}, {"ClientId", Value("ALL")}, {"UserPoolId", userPoolId()}});
  ui.addDependency(domain);  // Cognito rejects hosted-UI style before the pool has a domain
}

construct::CfnResource& UserPool::addClient(const std::string& id, const UserPoolClientProps& props) {
  return make<construct::Construct>(id).make<construct::CfnResource>(
      "Resource", "AWS::Cognito::UserPoolClient",
      Value::Map{{"AllowedOAuthFlows", Value::list({Value("code")})},
                 {"AllowedOAuthFlowsUserPoolClient", Value(true)},
                 {"AllowedOAuthScopes",
                  strings({"phone", "email", "openid", "aws.cognito.signin.user.admin", "profile"})},
                 {"CallbackURLs", strings(props.callbackUrls)},
                 {"ClientName", Value(props.clientName)},
                 {"GenerateSecret", Value(true)},
                 {"LogoutURLs", strings(props.logoutUrls)},
                 {"PreventUserExistenceErrors", Value("ENABLED")},
                 {"SupportedIdentityProviders", Value::list({Value("COGNITO")})},
                 {"UserPoolId", userPoolId()}});
}

}  // namespace heliocloud::aws_constructs
