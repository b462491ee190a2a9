#pragma once
// <instance>/Registration Page: the self-registration site. New users sign up there and wait, disabled, until
// an administrator enables them in the user pool. The site is heliocloud-registration on Lambda behind an
// internet-facing load balancer (HTTPS with the instance's certificate, HTTP redirected), at
// https://<registration_page.domain_record>.<registration_page.domain_url>, behind a WAF rate limit per
// client address. The original ran a Docker container on ECS Fargate; a function costs nothing while idle
// and needs no Docker on the operator's machine.

#include <filesystem>

#include "config/instance_config.h"
#include "construct/stack.h"

namespace heliocloud::stacks {

class AuthStack;
class BaseStack;

class RegistrationPageStack : public construct::Stack {
 public:
  // `package`: the built Lambda package of heliocloud-registration (build/lambda/registration).
  RegistrationPageStack(construct::Construct& scope, std::string id, const config::InstanceConfig& config,
                        const BaseStack& base, const AuthStack& auth, const std::filesystem::path& package,
                        construct::StackProps props);
};

}  // namespace heliocloud::stacks
