#include "aws_constructs/wafv2_web_acl.h"

#include <regex>
#include <stdexcept>

#include "aws_constructs/elb_load_balancer.h"
#include "base/unique_id.h"

namespace heliocloud::aws_constructs {
namespace {

constexpr long long kMinimumLimit = 10;
constexpr long long kMaximumLimit = 2'000'000'000;
constexpr int kFiveMinutes = 300;

// Metrics and sampled requests are what an operator looks at to see whether a limit blocks real users.
Value visibility(const std::string& metric_name) {
  return Value::map({{"CloudWatchMetricsEnabled", Value(true)},
                     {"MetricName", Value(metric_name)},
                     {"SampledRequestsEnabled", Value(true)}});
}

Value rate_limit_rule(const std::string& acl_path, const RateLimitRule& rule, int priority) {
  static const std::regex kName("[A-Za-z0-9_-]{1,128}");
  if (!std::regex_match(rule.name, kName))
    throw std::invalid_argument(acl_path + ": rule name \"" + rule.name +
                                "\" must be 1-128 letters, digits, '-' or '_'");
  if (rule.requests_per_five_minutes < kMinimumLimit || rule.requests_per_five_minutes > kMaximumLimit)
    throw std::invalid_argument(acl_path + ": rule " + rule.name + ": a rate limit of " +
                                std::to_string(rule.requests_per_five_minutes) +
                                " is outside WAF's 10 .. 2000000000 requests per 5 minutes");
  return Value::map(
      {{"Action",
        // 429 rather than WAF's default 403: the client is told to slow down, not that it is forbidden.
        Value::map(
            {{"Block", Value::map({{"CustomResponse", Value::map({{"ResponseCode", Value(429)}})}})}})},
       {"Name", Value(rule.name)},
       {"Priority", Value(priority)},
       {"Statement",
        Value::map({{"RateBasedStatement", Value::map({{"AggregateKeyType", Value("IP")},
                                                       {"EvaluationWindowSec", Value(kFiveMinutes)},
                                                       {"Limit", Value(static_cast<std::int64_t>(
                                                                     rule.requests_per_five_minutes))}})}})},
       {"VisibilityConfig", visibility(rule.name)}});
}

}  // namespace

WebAcl::WebAcl(construct::Construct& scope, std::string id, const WebAclProps& props)
    : Construct(scope, std::move(id)) {
  Value::List rules;
  int priority = 0;
  for (const auto& rule : props.rate_limits) rules.push_back(rate_limit_rule(path(), rule, priority++));
  Value::Map p{{"DefaultAction", Value::map({{"Allow", Value::map({})}})},
               {"Rules", Value(std::move(rules))},
               {"Scope", Value("REGIONAL")},
               // The path's unique id: stable across synths and unique within the account's metrics.
               {"VisibilityConfig", visibility(base::make_unique_id(path_components()))}};
  if (!props.description.empty()) {
    // WAF's own pattern: no parentheses, quotes or underscores; CloudFormation would fail the deploy.
    static const std::regex kDescription(
        R"([a-zA-Z0-9=:#@/\-,.][a-zA-Z0-9+=:#@/\-,.\s]{0,254}[a-zA-Z0-9+=:#@/\-,.])");
    if (!std::regex_match(props.description, kDescription))
      throw std::invalid_argument(path() + ": description \"" + props.description +
                                  "\" may hold only letters, digits, spaces and + = : # @ / - , .");
    p.emplace("Description", Value(props.description));
  }
  resource_ = &make<construct::CfnResource>("Resource", "AWS::WAFv2::WebACL", std::move(p),
                                            construct::TagStyle::KeyValueList);
}

void WebAcl::protect(const ApplicationLoadBalancer& load_balancer) {
  make<construct::Construct>("Association")
      .make<construct::CfnResource>(
          "Resource", "AWS::WAFv2::WebACLAssociation",
          Value::Map{{"ResourceArn", load_balancer.load_balancer_arn()}, {"WebACLArn", web_acl_arn()}});
}

}  // namespace heliocloud::aws_constructs
