#include "aws_constructs/elb_lambda_target_group.h"

#include <cctype>
#include <cstdint>
#include <stdexcept>

#include "construct/fn.h"
#include "construct/stack.h"

namespace heliocloud::aws_constructs {
namespace {

constexpr std::size_t kMaxNameLength = 32;
constexpr std::size_t kHashLength = 8;

// FNV-1a: a short, stable fingerprint of the full name (not security relevant).
std::string short_hash(const std::string& text) {
  std::uint32_t h = 2166136261U;
  for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 16777619U;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < kHashLength; ++i) out += kHex[(h >> (28U - (4U * i))) & 0xFU];
  return out;
}

}  // namespace

std::string target_group_name_for(const std::string& stack_name, const std::string& path) {
  std::string name;
  for (char c : stack_name + path)
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) name += c;
  if (name.size() <= kMaxNameLength) return name;
  return name.substr(0, kMaxNameLength - kHashLength) + short_hash(stack_name + "/" + path);
}

LambdaTargetGroup::LambdaTargetGroup(construct::Construct& scope, std::string id,
                                     const LambdaTargetGroupProps& props)
    : Construct(scope, std::move(id)) {
  if (props.function == nullptr)
    throw std::invalid_argument(path() + ": a Lambda target group needs a function");
  name_ = props.target_group_name.value_or(target_group_name_for(stack().stack_name(), path()));
  const auto& s = stack();
  const Value arn_pattern =
      construct::fn::join("", {Value("arn:"), construct::pseudo::partition(), Value(":elasticloadbalancing:"),
                               s.region(), Value(":"), s.account(), Value(":targetgroup/" + name_ + "/*")});
  permission_ =
      &make<construct::CfnResource>("InvokePermission", "AWS::Lambda::Permission",
                                    Value::Map{{"Action", Value("lambda:InvokeFunction")},
                                               {"FunctionName", props.function->function_arn()},
                                               {"Principal", Value("elasticloadbalancing.amazonaws.com")},
                                               {"SourceArn", arn_pattern}});
  Value::Map p{{"Name", Value(name_)},
               {"TargetType", Value("lambda")},
               {"Targets", Value::list({Value::map({{"Id", props.function->function_arn()}})})}};
  if (props.multi_value_headers)
    p.emplace("TargetGroupAttributes",
              Value::list({Value::map(
                  {{"Key", Value("lambda.multi_value_headers.enabled")}, {"Value", Value("true")}})}));
  resource_ = &make<construct::CfnResource>("Resource", "AWS::ElasticLoadBalancingV2::TargetGroup",
                                            std::move(p), construct::TagStyle::KeyValueList);
  resource_->add_dependency(*permission_);
}

}  // namespace heliocloud::aws_constructs
