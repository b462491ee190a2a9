#include "aws_constructs/route53_cname_record.h"

#include <stdexcept>

namespace heliocloud::aws_constructs {

using construct::Value;

CnameRecord::CnameRecord(construct::Construct& scope, std::string id, const CnameRecordProps& props)
    : Construct(scope, std::move(id)) {
  const std::string zone = props.zone != nullptr ? props.zone->zone_name() : props.zone_name;
  if (zone.empty() || props.record_name.empty() || props.domain_name.empty())
    throw std::invalid_argument(path() + ": a CNAME record needs a zone, a record name and a target");
  fqdn_ = props.record_name + "." + zone + ".";
  Value::Map p{{"Name", Value(fqdn_)},
               {"ResourceRecords", Value::list({Value(props.domain_name)})},
               // CloudFormation's type for TTL is a string.
               {"TTL", Value(std::to_string(props.ttl_seconds))},
               {"Type", Value("CNAME")}};
  if (props.zone != nullptr)
    p.emplace("HostedZoneId", Value(props.zone->hosted_zone_id()));
  else
    p.emplace("HostedZoneName", Value(zone + "."));
  if (!props.comment.empty()) p.emplace("Comment", Value(props.comment));
  resource_ = &make<construct::CfnResource>("Resource", "AWS::Route53::RecordSet", std::move(p));
  resource_->apply_removal_policy(props.removal_policy);
}

}  // namespace heliocloud::aws_constructs
