#include "aws_constructs/cognito_identity_pool.h"

#include <stdexcept>

namespace heliocloud::aws_constructs {
namespace {

constexpr const char* kIdentityService = "cognito-identity.amazonaws.com";

// Only this pool's signed-in identities may assume the role, and sts:TagSession lets the pool pass the
// principal tags along.
PolicyStatement authenticated_trust(const Value& identity_pool_id) {
  PolicyStatement trust;
  trust.actions = {"sts:AssumeRoleWithWebIdentity", "sts:TagSession"};
  trust.principal = Value::map({{"Federated", Value(kIdentityService)}});
  trust.condition = Value::map(
      {{"ForAnyValue:StringLike",
        Value::map({{std::string(kIdentityService) + ":amr", Value("authenticated")}})},
       {"StringEquals", Value::map({{std::string(kIdentityService) + ":aud", identity_pool_id}})}});
  return trust;
}

}  // namespace

IdentityPool::IdentityPool(construct::Construct& scope, std::string id, IdentityPoolProps props)
    : Construct(scope, std::move(id)) {
  if (props.user_pool_provider_name.is_null() || props.user_pool_client_id.is_null())
    throw std::invalid_argument(path() + ": an identity pool needs a user pool and its app client");
  Value::Map p{{"AllowClassicFlow", Value(false)},
               {"AllowUnauthenticatedIdentities", Value(false)},
               {"CognitoIdentityProviders",
                Value::list({Value::map({{"ClientId", props.user_pool_client_id},
                                         {"ProviderName", props.user_pool_provider_name},
                                         // Cognito checks the token was not revoked (signed out) first.
                                         {"ServerSideTokenCheck", Value(true)}})})}};
  if (props.identity_pool_name) p.emplace("IdentityPoolName", Value(*props.identity_pool_name));
  resource_ = &make<construct::CfnResource>("Resource", "AWS::Cognito::IdentityPool", std::move(p));

  authenticated_role_ =
      &make<Role>("AuthenticatedRole", RoleProps{.trust = authenticated_trust(identity_pool_id())});
  make<construct::Construct>("RoleAttachment")
      .make<construct::CfnResource>(
          "Resource", "AWS::Cognito::IdentityPoolRoleAttachment",
          Value::Map{{"IdentityPoolId", identity_pool_id()},
                     {"Roles", Value::map({{"authenticated", authenticated_role_->role_arn()}})}});
  if (!props.principal_tags.empty()) {
    Value::Map tags;
    for (const auto& [tag, claim] : props.principal_tags) tags.emplace(tag, Value(claim));
    make<construct::Construct>("PrincipalTags")
        .make<construct::CfnResource>("Resource", "AWS::Cognito::IdentityPoolPrincipalTag",
                                      Value::Map{{"IdentityPoolId", identity_pool_id()},
                                                 {"IdentityProviderName", props.user_pool_provider_name},
                                                 {"PrincipalTags", Value(std::move(tags))},
                                                 {"UseDefaults", Value(false)}});
  }
}

}  // namespace heliocloud::aws_constructs
