#pragma once
// A Route 53 alias A record pointing a host name at an application load balancer (aws-cdk-lib's ARecord with
// a LoadBalancerTarget). An alias answers with the load balancer's current addresses, which a CNAME at a
// zone apex could not, and Route 53 does not charge for alias queries.

#include <string>

#include "aws_constructs/elb_load_balancer.h"
#include "aws_constructs/route53.h"
#include "construct/cfn_resource.h"

namespace heliocloud::aws_constructs {

// The zone is either looked up (its id is written) or, in a stack that cannot look zones up
// (environment-agnostic), named: CloudFormation then finds the public zone of that name at deploy time.
struct AliasRecordProps {
  const LookedUpHostedZone* zone = nullptr;
  std::string zone_name;    // "example.org"; used when `zone` is absent
  std::string record_name;  // "portal" (relative to the zone) or the zone's name itself for the apex
  const ApplicationLoadBalancer* load_balancer = nullptr;
};

class LoadBalancerAliasRecord : public construct::Construct {
 public:
  LoadBalancerAliasRecord(construct::Construct& scope, std::string id, const AliasRecordProps& props);
  // "portal.example.org."
  const std::string& fqdn() const { return fqdn_; }

 private:
  std::string fqdn_;
};

}  // namespace heliocloud::aws_constructs
