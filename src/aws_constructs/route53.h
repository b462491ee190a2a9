#pragma once
// Route 53 hosted zones found by the CDK CLI's "hosted-zone" context lookup (HostedZone.fromLookup).

#include <string>

#include "construct/construct.h"
#include "construct/value.h"

namespace heliocloud::aws_constructs {

class LookedUpHostedZone : public construct::Construct {
 public:
  LookedUpHostedZone(construct::Construct& scope, std::string id, const std::string& domainName);
  const std::string& hostedZoneId() const { return zoneId_; }  // "Z0123...", without "/hostedzone/"
  const std::string& zoneName() const { return zoneName_; }    // "example.org" (no trailing dot)

 private:
  std::string zoneId_;
  std::string zoneName_;
};

}  // namespace heliocloud::aws_constructs
