#include "aws_constructs/elb_load_balancer.h"

#include <stdexcept>

#include "aws_constructs/elb_lambda_target_group.h"

namespace heliocloud::aws_constructs {
namespace {

Value attribute(const char* key, const std::string& value) {
  return Value::map({{"Key", Value(key)}, {"Value", Value(value)}});
}

}  // namespace

ApplicationLoadBalancer::ApplicationLoadBalancer(construct::Construct& scope, std::string id,
                                                 ApplicationLoadBalancerProps props)
    : Construct(scope, std::move(id)),
      security_group_(props.security_group),
      internet_facing_(props.internet_facing) {
  if (props.vpc == nullptr) throw std::invalid_argument(path() + ": a load balancer needs a VPC");
  if (security_group_ == nullptr)
    security_group_ = &make<SecurityGroup>(
        "SecurityGroup",
        SecurityGroupProps{.vpc = props.vpc,
                           .description = "Automatically created Security Group for ELB " + path()});
  Value::List subnets;
  for (const auto& s : internet_facing_ ? props.vpc->public_subnets() : props.vpc->private_subnets())
    subnets.push_back(s.subnet_id);
  resource_ = &make<construct::CfnResource>(
      "Resource", "AWS::ElasticLoadBalancingV2::LoadBalancer",
      Value::Map{
          {"LoadBalancerAttributes",
           Value::list(
               {attribute("deletion_protection.enabled", props.deletion_protection ? "true" : "false"),
                // Requests with header names that are not valid HTTP are dropped, not passed on
                // (request smuggling through a permissive back end).
                attribute("routing.http.drop_invalid_header_fields.enabled", "true"),
                attribute("idle_timeout.timeout_seconds", std::to_string(props.idle_timeout_seconds))})},
          {"Scheme", Value(internet_facing_ ? "internet-facing" : "internal")},
          {"SecurityGroups", Value::list({security_group_->security_group_id()})},
          {"Subnets", Value(std::move(subnets))},
          {"Type", Value("application")}},
      construct::TagStyle::KeyValueList);
}

void ApplicationLoadBalancer::open_to_clients(int port) {
  if (internet_facing_)
    security_group_->add_ingress_rule("0.0.0.0/0", Port::tcp(port),
                                      "Allow from anyone on port " + std::to_string(port));
}

construct::CfnResource& ApplicationLoadBalancer::add_https_listener(const std::string& id,
                                                                    const HttpsListenerProps& props) {
  if (props.default_target_group == nullptr)
    throw std::invalid_argument(path() + "/" + id + ": an HTTPS listener needs a default target group");
  auto& listener = make<construct::Construct>(id).make<construct::CfnResource>(
      "Resource", "AWS::ElasticLoadBalancingV2::Listener",
      Value::Map{{"Certificates", Value::list({Value::map({{"CertificateArn", props.certificate_arn}})})},
                 {"DefaultActions",
                  Value::list({Value::map({{"TargetGroupArn", props.default_target_group->target_group_arn()},
                                           {"Type", Value("forward")}})})},
                 {"LoadBalancerArn", load_balancer_arn()},
                 {"Port", Value(props.port)},
                 {"Protocol", Value("HTTPS")},
                 {"SslPolicy", Value(props.ssl_policy)}});
  open_to_clients(props.port);
  return listener;
}

construct::CfnResource& ApplicationLoadBalancer::add_redirect_to_https(const std::string& id) {
  auto& listener = make<construct::Construct>(id).make<construct::CfnResource>(
      "Resource", "AWS::ElasticLoadBalancingV2::Listener",
      Value::Map{
          {"DefaultActions",
           Value::list({Value::map({{"RedirectConfig", Value::map({{"Port", Value("443")},
                                                                   {"Protocol", Value("HTTPS")},
                                                                   {"StatusCode", Value("HTTP_301")}})},
                                    {"Type", Value("redirect")}})})},
          {"LoadBalancerArn", load_balancer_arn()},
          {"Port", Value(80)},
          {"Protocol", Value("HTTP")}});
  open_to_clients(80);
  return listener;
}

}  // namespace heliocloud::aws_constructs
