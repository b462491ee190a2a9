#include "aws_constructs/route53_alias_record.h"

#include <stdexcept>

#include "construct/fn.h"

namespace heliocloud::aws_constructs {

LoadBalancerAliasRecord::LoadBalancerAliasRecord(construct::Construct& scope, std::string id,
                                                 const AliasRecordProps& props)
    : Construct(scope, std::move(id)) {
  if ((props.zone == nullptr && props.zone_name.empty()) || props.load_balancer == nullptr)
    throw std::invalid_argument(path() + ": an alias record needs a hosted zone and a load balancer");
  const std::string& zone = props.zone != nullptr ? props.zone->zone_name() : props.zone_name;
  const bool apex = props.record_name.empty() || props.record_name == zone;
  fqdn_ = (apex ? zone : props.record_name + "." + zone) + ".";
  Value::Map record{
      {"AliasTarget",
       // "dualstack." answers IPv6 (AAAA) queries too, as aws-cdk-lib's LoadBalancerTarget does.
       Value::map(
           {{"DNSName", construct::fn::join("", {Value("dualstack."), props.load_balancer->dns_name()})},
            {"EvaluateTargetHealth", Value(false)},
            {"HostedZoneId", props.load_balancer->canonical_hosted_zone_id()}})},
      {"Name", Value(fqdn_)},
      {"Type", Value("A")}};
  if (props.zone != nullptr)
    record.emplace("HostedZoneId", Value(props.zone->hosted_zone_id()));
  else
    record.emplace("HostedZoneName", Value(zone + "."));
  make<construct::CfnResource>("Resource", "AWS::Route53::RecordSet", std::move(record));
}

}  // namespace heliocloud::aws_constructs
