#pragma once
// A Route 53 CNAME record (aws-cdk-lib's route53.CnameRecord). The zone is either looked up (its id is
// written) or, in a stack that cannot look zones up (environment-agnostic), named: CloudFormation then finds
// the public zone of that name at deploy time (HostedZoneName).

#include <string>

#include "aws_constructs/route53.h"
#include "construct/cfn_resource.h"
#include "construct/removal_policy.h"

namespace heliocloud::aws_constructs {

struct CnameRecordProps {
  const LookedUpHostedZone* zone = nullptr;
  std::string zone_name;    // "example.org"; used when `zone` is absent
  std::string record_name;  // relative to the zone: "daskhub" -> daskhub.example.org
  std::string domain_name;  // what the name points to
  int ttl_seconds = 300;
  std::string comment;
  construct::RemovalPolicy removal_policy = construct::RemovalPolicy::Destroy;
};

class CnameRecord : public construct::Construct {
 public:
  CnameRecord(construct::Construct& scope, std::string id, const CnameRecordProps& props);
  // "daskhub.example.org." (Route 53's fully qualified form)
  const std::string& fqdn() const { return fqdn_; }
  const construct::CfnResource& resource() const { return *resource_; }

 private:
  std::string fqdn_;
  construct::CfnResource* resource_;
};

}  // namespace heliocloud::aws_constructs
