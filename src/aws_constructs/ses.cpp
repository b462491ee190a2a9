#include "aws_constructs/ses.h"

#include "construct/fn.h"
#include "construct/stack.h"

namespace heliocloud::aws_constructs {

EmailIdentity::EmailIdentity(construct::Construct& scope, std::string id, const LookedUpHostedZone& zone)
    : Construct(scope, std::move(id)), domain_(zone.zone_name()) {
  resource_ = &make<construct::CfnResource>(
      "Resource", "AWS::SES::EmailIdentity",
      Value::Map{{"DkimAttributes", Value::map({{"SigningEnabled", Value(true)}})},
                 {"EmailIdentity", Value(domain_)}});
  // The records are the identity's children, as in aws-cdk-lib (path Identity/DkimDnsToken1), so their
  // logical ids equal those of an instance the original deployed: with other ids CloudFormation would create
  // records of the same names before deleting the old ones, which Route 53 refuses.
  for (int i = 1; i <= 3; ++i) {
    const std::string n = std::to_string(i);
    make<construct::CfnResource>(
        "DkimDnsToken" + n, "AWS::Route53::RecordSet",
        Value::Map{{"HostedZoneId", Value(zone.hosted_zone_id())},
                   {"Name", resource_->get_att("DkimDNSTokenName" + n)},
                   {"ResourceRecords", Value::list({resource_->get_att("DkimDNSTokenValue" + n)})},
                   {"TTL", Value("1800")},
                   {"Type", Value("CNAME")}});
  }
}

Value EmailIdentity::identity_arn() const {
  const auto& s = stack();
  return construct::fn::join("", {Value("arn:"), construct::pseudo::partition(), Value(":ses:"), s.region(),
                                  Value(":"), s.account(), Value(":identity/" + domain_)});
}

}  // namespace heliocloud::aws_constructs
