#include "aws_constructs/cognito_user_pool_client.h"

namespace heliocloud::aws_constructs {
namespace {

Value strings(const std::vector<std::string>& items) {
  Value::List out;
  for (const auto& i : items) out.emplace_back(i);
  return Value(std::move(out));
}

}  // namespace

UserPoolClient::UserPoolClient(construct::Construct& scope, std::string id, UserPoolClientProps props)
    : Construct(scope, std::move(id)) {
  resource_ = &make<construct::CfnResource>(
      "Resource", "AWS::Cognito::UserPoolClient",
      Value::Map{{"AllowedOAuthFlows", Value::list({Value("code")})},
                 {"AllowedOAuthFlowsUserPoolClient", Value(true)},
                 {"AllowedOAuthScopes", strings(props.oauth_scopes)},
                 {"CallbackURLs", strings(props.callback_urls)},
                 {"ClientName", Value(props.client_name)},
                 {"GenerateSecret", Value(props.generate_secret)},
                 {"LogoutURLs", strings(props.logout_urls)},
                 // "User does not exist" and "wrong password" read the same, so user names cannot be probed.
                 {"PreventUserExistenceErrors", Value("ENABLED")},
                 {"SupportedIdentityProviders", Value::list({Value("COGNITO")})},
                 {"UserPoolId", std::move(props.user_pool_id)}});
}

}  // namespace heliocloud::aws_constructs
