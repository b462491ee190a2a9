#pragma once
// <instance>/Auth: the Cognito user pool of the instance, its hosted sign-in UI and the OAuth clients of the
// sites that sign users in (portal, Daskhub, registration page, Kubecost), as the original kept them here.

#include <map>
#include <string>

#include "aws_constructs/cognito.h"
#include "config/instance_config.h"
#include "construct/stack.h"

namespace heliocloud::stacks {

class IdentityStack;

class AuthStack : public construct::Stack {
 public:
  AuthStack(construct::Construct& scope, std::string id, const config::InstanceConfig& config,
            const IdentityStack* identity, construct::StackProps props);

  const aws_constructs::UserPool& userPool() const { return *pool_; }
  // The client for "portal", "daskhub", "registration" or "kubecost"; nullptr when that site is not enabled.
  // Other stacks read its id (Ref) and secret (GetAtt ClientSecret) through the cross-stack mechanism.
  const construct::CfnResource* client(const std::string& site) const;

 private:
  aws_constructs::UserPool* pool_;
  std::map<std::string, construct::CfnResource*> clients_;
};

}  // namespace heliocloud::stacks
