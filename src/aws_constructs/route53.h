#pragma once
// Route 53 hosted zones found by the CDK CLI's "hosted-zone" context lookup (HostedZone.fromLookup).

#include <string>

#include "construct/construct.h"
#include "construct/value.h"

namespace heliocloud::aws_constructs {

class LookedUpHostedZone : public construct::Construct {
 public:
  LookedUpHostedZone(construct::Construct& scope, std::string id, const std::string& domain_name);
  const std::string& hosted_zone_id() const { return zone_id_; }  // "Z0123...", without "/hostedzone/"
  const std::string& zone_name() const { return zone_name_; }     // "example.org" (no trailing dot)

 private:
  std::string zone_id_;
  std::string zone_name_;
};

}  // namespace heliocloud::aws_constructs
