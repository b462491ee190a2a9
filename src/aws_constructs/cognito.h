#pragma once
// Cognito user pool pieces: the pool, its hosted-UI domain and style, and OAuth app clients.

#include <optional>
#include <string>
#include <vector>

#include "aws_constructs/cognito_user_pool_client.h"
#include "construct/cfn_resource.h"
#include "construct/removal_policy.h"

namespace heliocloud::aws_constructs {

using construct::Value;

struct CustomAttribute {
  std::string name;
  bool is_mutable = true;  // CloudFormation "Mutable"
  int max_length = 2048;
};

// Cognito sends its own mail unless a verified SES identity is given.
struct SesEmail {
  std::string from;  // "Display Name <user@domain>"
  Value source_arn;  // the SES identity
};

struct UserPoolProps {
  bool deletion_protection = true;
  construct::RemovalPolicy removal_policy = construct::RemovalPolicy::Retain;
  std::vector<CustomAttribute> custom_attributes;
  std::optional<SesEmail> email;
};

class UserPool : public construct::Construct {
 public:
  UserPool(construct::Construct& scope, std::string id, UserPoolProps props);
  Value user_pool_id() const { return resource_->ref(); }
  Value user_pool_arn() const { return resource_->get_att("Arn"); }
  // "cognito-idp.<region>.amazonaws.com/<pool id>": the pool as an identity provider (and token issuer).
  Value provider_name() const { return resource_->get_att("ProviderName"); }

  // The hosted sign-in UI at https://<prefix>.auth.<region>.amazoncognito.com.
  construct::CfnResource& add_domain(const std::string& id, const std::string& prefix);
  // Hosted-UI CSS for every client of the pool (needs the domain first).
  void add_ui_customization(const std::string& id, const std::string& css,
                            const construct::CfnResource& domain);
  // An OAuth client of this pool (props.user_pool_id is this pool's).
  UserPoolClient& add_client(const std::string& id, UserPoolClientProps props);

 private:
  construct::CfnResource* resource_;
};

}  // namespace heliocloud::aws_constructs
