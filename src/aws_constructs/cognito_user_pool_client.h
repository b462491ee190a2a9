#pragma once
// An OAuth app client of a Cognito user pool: the authorization-code flow with a client secret, as the
// original's portal, hub and sites use. The secret is a secret attribute: using it from another stack is a
// synthesis error, because a cross-stack reference would publish it as a CloudFormation export.

#include <string>
#include <vector>

#include "construct/cfn_resource.h"

namespace heliocloud::aws_constructs {

using construct::Value;

struct UserPoolClientProps {
  Value user_pool_id;
  std::string client_name;
  std::vector<std::string> callback_urls;
  std::vector<std::string> logout_urls;
  bool generate_secret = true;
  std::vector<std::string> oauth_scopes = {"phone", "email", "openid", "aws.cognito.signin.user.admin",
                                           "profile"};
};

class UserPoolClient : public construct::Construct {
 public:
  UserPoolClient(construct::Construct& scope, std::string id, UserPoolClientProps props);

  Value user_pool_client_id() const { return resource_->ref(); }
  Value client_secret() const { return resource_->get_att_secret("ClientSecret"); }
  const construct::CfnResource& resource() const { return *resource_; }

 private:
  construct::CfnResource* resource_;
};

}  // namespace heliocloud::aws_constructs
