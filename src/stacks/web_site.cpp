#include "stacks/web_site.h"

#include <stdexcept>

#include "aws_constructs/elb_lambda_target_group.h"
#include "aws_constructs/route53.h"
#include "aws_constructs/route53_alias_record.h"
#include "aws_constructs/wafv2_web_acl.h"
#include "construct/annotations.h"

namespace heliocloud::stacks {
namespace {

const std::string& required(const std::optional<std::string>& value, const std::string& key) {
  // The loader reports these as missing when the site is enabled; this guards a config built in code.
  if (!value) throw std::invalid_argument(key + " is required");
  return *value;
}

}  // namespace

WebSite add_web_site(construct::Stack& stack, const WebSiteProps& props) {
  const auto& site = *props.site;
  const auto& domain_url = required(site.domain_url, props.config_key + ".domain_url");
  const auto& domain_record = required(site.domain_record, props.config_key + ".domain_record");
  const auto& certificate_arn = required(site.certificate_arn, props.config_key + ".domain_certificate_arn");

  // Multi-value headers, so a response can set several cookies (single-value mode keeps only one).
  auto& targets = stack.make<aws_constructs::LambdaTargetGroup>(
      "Targets",
      aws_constructs::LambdaTargetGroupProps{.function = props.function, .multi_value_headers = true});
  auto& load_balancer = stack.make<aws_constructs::ApplicationLoadBalancer>(
      "LoadBalancer",
      aws_constructs::ApplicationLoadBalancerProps{.vpc = props.vpc, .internet_facing = true});
  load_balancer.add_https_listener(
      "Https", aws_constructs::HttpsListenerProps{.certificate_arn = construct::Value(certificate_arn),
                                                  .default_target_group = &targets});
  load_balancer.add_redirect_to_https();

  auto& web_acl = stack.make<aws_constructs::WebAcl>(
      "WebAcl", aws_constructs::WebAclProps{.description = props.acl_description,
                                            .rate_limits = {{.name = props.rate_rule,
                                                             .requests_per_five_minutes = site.rate_limit}}});
  web_acl.protect(load_balancer);

  // The zone as the CLI looked it up; a stack without account and region cannot look it up, so it names the
  // zone (the same rule as the Daskhub's record), and says so.
  const aws_constructs::LookedUpHostedZone* zone = nullptr;
  if (stack.is_env_specific())
    zone = &stack.make<aws_constructs::LookedUpHostedZone>("HostedZone", domain_url);
  else
    construct::annotations::add_warning(stack, "the stack has no account and region, so the hosted zone of " +
                                                   domain_url +
                                                   " is not looked up: the site's record names the zone "
                                                   "(CloudFormation finds it at deploy)");
  const auto& record = stack.make<aws_constructs::LoadBalancerAliasRecord>(
      "Alias", aws_constructs::AliasRecordProps{.zone = zone,
                                                .zone_name = domain_url,
                                                .record_name = domain_record,
                                                .load_balancer = &load_balancer});
  std::string host = record.fqdn();
  if (!host.empty() && host.back() == '.') host.pop_back();
  return {.url = "https://" + host, .load_balancer = &load_balancer};
}

}  // namespace heliocloud::stacks
