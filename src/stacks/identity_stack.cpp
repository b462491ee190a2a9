#include "stacks/identity_stack.h"

#include "construct/cfn_output.h"

namespace heliocloud::stacks {

IdentityStack::IdentityStack(construct::Construct& scope, std::string id,
                             const config::InstanceConfig& config, construct::StackProps props)
    : Stack(scope, std::move(id), std::move(props)) {
  // The portal's domain is the mail domain, as in the original; its hosted zone gets the DKIM records.
  auto& zone = make<aws_constructs::LookedUpHostedZone>("HostedZone", config.portal.domain_url.value());
  identity_ = &make<aws_constructs::EmailIdentity>("Identity", zone);
  make<construct::CfnOutput>("EmailIdentityArn",
                             construct::OutputProps{.value = identity_->identity_arn(),
                                                    .description = "SES identity Cognito sends from"});
}

}  // namespace heliocloud::stacks
