#pragma once
// <instance>/Auth: the Cognito user pool of the instance, its hosted sign-in UI and the OAuth clients of the
// sites that sign users in (portal, Daskhub, Kubecost), as the original kept them here.

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

  const aws_constructs::UserPool& user_pool() const { return *pool_; }
  // The client for "portal", "daskhub" or "kubecost"; nullptr when that site is not enabled.
  // Other stacks may read its id; its secret cannot leave this stack (it is a secret attribute).
  const aws_constructs::UserPoolClient* client(const std::string& site) const;

 private:
  aws_constructs::UserPool* pool_;
  std::map<std::string, aws_constructs::UserPoolClient*> clients_;
};

}  // namespace heliocloud::stacks
