#pragma once
// Cognito user pool pieces: the pool, its hosted-UI domain and style, and OAuth app clients.

#include <optional>
#include <string>
#include <vector>

#include "construct/cfn_resource.h"
#include "construct/removal_policy.h"

namespace heliocloud::aws_constructs {

using construct::Value;

struct CustomAttribute {
  std::string name;
  bool mutable_ = true;
  int maxLength = 2048;
};

// Cognito sends its own mail unless a verified SES identity is given.
struct SesEmail {
  std::string from;  // "Display Name <user@domain>"
  Value sourceArn;   // the SES identity
};

struct UserPoolProps {
  bool deletionProtection = true;
  construct::RemovalPolicy removalPolicy = construct::RemovalPolicy::Retain;
  std::vector<CustomAttribute> customAttributes;
  std::optional<SesEmail> email;
};

struct UserPoolClientProps {
  std::string clientName;
  std::vector<std::string> callbackUrls;
  std::vector<std::string> logoutUrls;
};

class UserPool : public construct::Construct {
 public:
  UserPool(construct::Construct& scope, std::string id, UserPoolProps props);
  Value userPoolId() const { return resource_->ref(); }
  Value userPoolArn() const { return resource_->getAtt("Arn"); }

  // The hosted sign-in UI at https://<prefix>.auth.<region>.amazoncognito.com.
  construct::CfnResource& addDomain(const std::string& id, const std::string& prefix);
  // Hosted-UI CSS for every client of the pool (needs the domain first).
  void addUiCustomization(const std::string& id, const std::string& css,
                          const construct::CfnResource& domain);
  // An authorization-code OAuth client with a secret, as the original's portal, hub and sites use.
  construct::CfnResource& addClient(const std::string& id, const UserPoolClientProps& props);

 private:
  construct::CfnResource* resource_;
};

}  // namespace heliocloud::aws_constructs
