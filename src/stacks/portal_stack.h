#pragma once
// <instance>/Portal: the User Portal, where signed-in scientists run their own EC2 machines and keys. The
// site is heliocloud-portal on Lambda behind the same load balancer shape as the registration page. What a
// user does to machines and keys runs with that user's own credentials from a Cognito identity pool, whose
// role only reaches resources tagged Owner = the user's name (a principal tag from their token): IAM keeps
// users apart even if the app had a bug. The function's own role covers what is not any one user's.

#include <filesystem>

#include "config/instance_config.h"
#include "construct/stack.h"

namespace heliocloud::stacks {

class AuthStack;
class BaseStack;

class PortalStack : public construct::Stack {
 public:
  // `package`: the built Lambda package of heliocloud-portal (build/lambda/portal).
  PortalStack(construct::Construct& scope, std::string id, const config::InstanceConfig& config,
              const BaseStack& base, const AuthStack& auth, const std::filesystem::path& package,
              construct::StackProps props);
};

}  // namespace heliocloud::stacks
