#pragma once
// An application load balancer (aws-cdk-lib's elbv2.ApplicationLoadBalancer) with safe defaults: invalid
// HTTP header fields dropped, its own security group that opens only the ports of its listeners, an HTTPS
// listener with a modern TLS policy and an HTTP listener that only redirects to HTTPS.

#include <optional>
#include <string>

#include "aws_constructs/ec2_security_group.h"
#include "aws_constructs/ec2_vpc.h"
#include "construct/cfn_resource.h"

namespace heliocloud::aws_constructs {

class LambdaTargetGroup;

// TLS 1.3 and 1.2 with forward-secret ciphers only; what AWS recommends for new HTTPS listeners.
inline constexpr const char* kModernTlsPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";

struct ApplicationLoadBalancerProps {
  const IVpc* vpc = nullptr;
  bool internet_facing = false;  // in the public subnets when true, else in the private ones
  bool deletion_protection = false;
  int idle_timeout_seconds = 60;
  SecurityGroup* security_group = nullptr;  // one is created when absent
};

struct HttpsListenerProps {
  Value certificate_arn;  // an ACM certificate for the host names served
  std::string ssl_policy = kModernTlsPolicy;
  const LambdaTargetGroup* default_target_group = nullptr;
  int port = 443;
};

class ApplicationLoadBalancer : public construct::Construct {
 public:
  ApplicationLoadBalancer(construct::Construct& scope, std::string id, ApplicationLoadBalancerProps props);

  Value load_balancer_arn() const { return resource_->ref(); }
  Value dns_name() const { return resource_->get_att("DNSName"); }
  Value canonical_hosted_zone_id() const { return resource_->get_att("CanonicalHostedZoneID"); }
  SecurityGroup& security_group() { return *security_group_; }
  const construct::CfnResource& resource() const { return *resource_; }

  // HTTPS on `props.port`, forwarding to the target group; opens that port to anyone when internet-facing.
  construct::CfnResource& add_https_listener(const std::string& id, const HttpsListenerProps& props);
  // HTTP on port 80 answering every request with a permanent redirect to the same URL over HTTPS.
  construct::CfnResource& add_redirect_to_https(const std::string& id = "RedirectHttpToHttps");

 private:
  void open_to_clients(int port);

  construct::CfnResource* resource_;
  SecurityGroup* security_group_;
  bool internet_facing_;
};

}  // namespace heliocloud::aws_constructs
