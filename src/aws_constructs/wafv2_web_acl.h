#pragma once
// A regional WAF web ACL for a load balancer: it lets every request through except those of a client address
// that exceeds a request rate, which get 429 Too Many Requests until its rate falls again. WAF counts per
// source IP over a sliding 5-minute window, at the edge of the load balancer, so a flood never reaches (and
// never pays for) the Lambda function behind it.

#include <string>
#include <vector>

#include "construct/cfn_resource.h"

namespace heliocloud::aws_constructs {

class ApplicationLoadBalancer;

using construct::Value;

struct RateLimitRule {
  std::string name;  // letters, digits, - and _; also the rule's CloudWatch metric name
  long long requests_per_five_minutes = 100;  // WAF accepts 10 .. 2,000,000,000
};

struct WebAclProps {
  std::string description;
  std::vector<RateLimitRule> rate_limits;
};

class WebAcl : public construct::Construct {
 public:
  WebAcl(construct::Construct& scope, std::string id, const WebAclProps& props);

  Value web_acl_arn() const { return resource_->get_att("Arn"); }
  const construct::CfnResource& resource() const { return *resource_; }

  // Puts the load balancer behind this web ACL (one AWS::WAFv2::WebACLAssociation).
  void protect(const ApplicationLoadBalancer& load_balancer);

 private:
  construct::CfnResource* resource_;
};

}  // namespace heliocloud::aws_constructs
