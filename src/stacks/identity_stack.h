#pragma once
// <instance>/Identity: the SES e-mail identity Cognito sends from, when email.use_custom_email_domain is set.

#include "aws_constructs/ses.h"
#include "config/instance_config.h"
#include "construct/stack.h"

namespace heliocloud::stacks {

class IdentityStack : public construct::Stack {
 public:
  IdentityStack(construct::Construct& scope, std::string id, const config::InstanceConfig& config,
                construct::StackProps props);
  const aws_constructs::EmailIdentity& email_identity() const { return *identity_; }

 private:
  aws_constructs::EmailIdentity* identity_;
};

}  // namespace heliocloud::stacks
