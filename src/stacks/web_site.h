#pragma once
// The shape both web apps are deployed in: their function behind an internet-facing load balancer (HTTPS
// with the site's certificate, HTTP redirected), a WAF rate limit per client address, and an alias record
// <domain_record>.<domain_url> in the looked-up hosted zone. The constructs go straight into the stack (no
// wrapper construct), so their logical ids do not depend on this helper.

#include <string>

#include "aws_constructs/ec2_vpc.h"
#include "aws_constructs/elb_load_balancer.h"
#include "aws_constructs/lambda_function.h"
#include "config/instance_config.h"
#include "construct/stack.h"

namespace heliocloud::stacks {

struct WebSiteProps {
  const aws_constructs::IVpc* vpc = nullptr;
  aws_constructs::Function* function = nullptr;
  const config::WebsiteConfig* site = nullptr;
  std::string config_key;       // "portal" or "registration_page", for messages
  std::string rate_rule;        // the WAF rule's name (also its metric), e.g. "portal-requests-per-address"
  std::string acl_description;  // WAF's character set: letters, digits, spaces, + = : # @ / - , .
};

struct WebSite {
  std::string url;  // https://<domain_record>.<domain_url>
  aws_constructs::ApplicationLoadBalancer* load_balancer = nullptr;
};

WebSite add_web_site(construct::Stack& stack, const WebSiteProps& props);

}  // namespace heliocloud::stacks
