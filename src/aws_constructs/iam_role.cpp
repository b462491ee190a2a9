#include "aws_constructs/iam_role.h"

#include <algorithm>

namespace heliocloud::aws_constructs {
namespace {

// Two values are the same when they would render the same in any stack: same literals, references to the
// same element and attribute, same intrinsic with the same argument.
bool same(const Value& a, const Value& b) {
  using K = Value::Kind;
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case K::Null:
      return true;
    case K::Bool:
      return a.as_bool() == b.as_bool();
    case K::Integer:
      return a.as_integer() == b.as_integer();
    case K::Double:
      return a.as_double() == b.as_double();
    case K::String:
      return a.as_string() == b.as_string();
    case K::List:
      return std::equal(a.as_list().begin(), a.as_list().end(), b.as_list().begin(), b.as_list().end(), same);
    case K::Map:
      return std::equal(
          a.as_map().begin(), a.as_map().end(), b.as_map().begin(), b.as_map().end(),
          [](const auto& x, const auto& y) { return x.first == y.first && same(x.second, y.second); });
    case K::Ref:
      return &a.target() == &b.target();
    case K::GetAtt:
      return &a.target() == &b.target() && a.as_string() == b.as_string();
    case K::Intrinsic:
      return a.as_string() == b.as_string() && same(a.argument(), b.argument());
  }
  return false;
}

bool same_list(const std::vector<Value>& a, const std::vector<Value>& b) {
  return std::ranges::equal(a, b, same);
}

bool mergeable(const PolicyStatement& a, const PolicyStatement& b) {
  return a.effect == b.effect && a.principal.is_null() && b.principal.is_null() && a.condition.is_null() &&
         b.condition.is_null();
}

void append_new(std::vector<std::string>& to, const std::vector<std::string>& items) {
  for (const auto& item : items)
    if (std::ranges::find(to, item) == to.end()) to.push_back(item);
}

void append_new(std::vector<Value>& to, const std::vector<Value>& items) {
  for (const auto& item : items)
    if (std::ranges::none_of(to, [&](const Value& v) { return same(v, item); })) to.push_back(item);
}

}  // namespace

Role::Role(construct::Construct& scope, std::string id, RoleProps props) : Construct(scope, std::move(id)) {
  PolicyStatement trust;
  if (props.trust) {
    trust = std::move(*props.trust);
  } else {
    trust.actions = {"sts:AssumeRole"};
    trust.principal = Value::map({{"Service", Value(props.assumed_by)}});
  }
  Value::Map p{{"AssumeRolePolicyDocument", policy_document({trust})}};
  if (!props.managed_policy_arns.empty())
    p.emplace("ManagedPolicyArns", Value(std::move(props.managed_policy_arns)));
  resource_ = &make<construct::CfnResource>("Resource", "AWS::IAM::Role", std::move(p),
                                            construct::TagStyle::KeyValueList);
}

void Role::add_to_policy(PolicyStatement statement) {
  auto merged = std::ranges::find_if(statements_, [&](PolicyStatement& earlier) {
    if (!mergeable(earlier, statement)) return false;
    if (same_list(earlier.resources, statement.resources)) {
      append_new(earlier.actions, statement.actions);
      return true;
    }
    if (earlier.actions == statement.actions) {
      append_new(earlier.resources, statement.resources);
      return true;
    }
    return false;
  });
  if (merged == statements_.end()) statements_.push_back(std::move(statement));
  if (policy_ == nullptr) {
    policy_ = &make<construct::Construct>("DefaultPolicy")
                   .make<construct::CfnResource>("Resource", "AWS::IAM::Policy");
    policy_->set_property("PolicyName", Value(policy_->logical_id()));
    policy_->set_property("Roles", Value::list({role_name()}));
  }
  policy_->set_property("PolicyDocument", policy_document(statements_));
}

}  // namespace heliocloud::aws_constructs
