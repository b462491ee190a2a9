#pragma once
// An SES domain identity with Easy DKIM, its three CNAME records published in the domain's hosted zone.

#include <string>

#include "aws_constructs/route53.h"
#include "construct/cfn_resource.h"

namespace heliocloud::aws_constructs {

using construct::Value;

class EmailIdentity : public construct::Construct {
 public:
  EmailIdentity(construct::Construct& scope, std::string id, const LookedUpHostedZone& zone);
  // arn:<partition>:ses:<region>:<account>:identity/<domain>, what Cognito's SourceArn wants.
  Value identity_arn() const;
  const std::string& domain() const { return domain_; }

 private:
  std::string domain_;
  construct::CfnResource* resource_;
};

}  // namespace heliocloud::aws_constructs
