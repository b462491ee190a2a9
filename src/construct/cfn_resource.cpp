#include "construct/cfn_resource.h"

#include <algorithm>
#include <set>

#include "construct/app.h"
#include "construct/cfn_condition.h"
#include "construct/resolver.h"
#include "construct/stack.h"
#include "construct/template_sections.h"

namespace heliocloud::construct {

CfnResource::CfnResource(Construct& scope, std::string id, std::string type, Value::Map properties,
                         TagStyle tagStyle, std::string tagProperty)
    : CfnElement(scope, std::move(id)),
      type_(std::move(type)),
      properties_(std::move(properties)),
      tagStyle_(tagStyle),
      tagProperty_(std::move(tagProperty)) {}

const Value* CfnResource::property(const std::string& name) const {
  auto it = properties_.find(name);
  return it == properties_.end() ? nullptr : &it->second;
}

void CfnResource::applyRemovalPolicy(RemovalPolicy policy) {
  removalPolicy_ = policy;
}

void CfnResource::addDependency(const CfnResource& other) {
  if (std::find(dependsOn_.begin(), dependsOn_.end(), &other) == dependsOn_.end())
    dependsOn_.push_back(&other);
}

std::map<std::string, std::string> CfnResource::effectiveTags() const {
  std::vector<const Construct*> chain;
  for (const Construct* c = this; c != nullptr; c = c->scope()) chain.push_back(c);
  std::map<std::string, std::string> tags;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    for (const auto& [k, v] : (*it)->tags()) tags[k] = v;
  return tags;
}

namespace {

const char* policyName(RemovalPolicy p) {
  switch (p) {
    case RemovalPolicy::Destroy:
      return "Delete";
    case RemovalPolicy::Snapshot:
      return "Snapshot";
    case RemovalPolicy::Retain:
    case RemovalPolicy::RetainOnUpdateOrDelete:
      break;
  }
  return "Retain";
}

}  // namespace

void CfnResource::render(TemplateSections& out, Resolver& resolver) const {
  nlohmann::ordered_json r = nlohmann::ordered_json::object();
  r["Type"] = type_;

  Value::Map props = properties_;
  if (tagStyle_ != TagStyle::None) {
    const auto tags = effectiveTags();
    if (!tags.empty()) {
      if (tagStyle_ == TagStyle::KeyValueList) {
        Value::List list;
        for (const auto& [k, v] : tags) list.push_back(Value::map({{"Key", Value(k)}, {"Value", Value(v)}}));
        props[tagProperty_] = Value(std::move(list));
      } else {
        Value::Map map;
        for (const auto& [k, v] : tags) map.emplace(k, Value(v));
        props[tagProperty_] = Value(std::move(map));
      }
    }
  }
  if (!props.empty()) r["Properties"] = resolver.resolve(Value(std::move(props)));

  std::set<std::string> depends;
  for (const CfnResource* d : dependsOn_) {
    if (&d->stack() == &stack())
      depends.insert(d->logicalId());
    else
      resolver.dependOn(d->stack(), "DependsOn " + d->path());
  }
  if (!depends.empty()) r["DependsOn"] = std::vector<std::string>(depends.begin(), depends.end());
  for (const auto& [name, value] : attributes_) r[name] = resolver.resolve(value);
  if (removalPolicy_) {
    r["UpdateReplacePolicy"] = policyName(*removalPolicy_);
    r["DeletionPolicy"] = policyName(*removalPolicy_);
  }
  if (condition_ != nullptr) r["Condition"] = condition_->logicalId();

  nlohmann::ordered_json meta = resourceMetadata_;
  if (app().pathMetadataEnabled()) meta["aws:cdk:path"] = path();
  if (!meta.empty()) r["Metadata"] = meta;

  const std::string id = logicalId();
  if (out.resources.contains(id))
    throw std::runtime_error("two resources in stack " + stack().path() + " have the logical id " + id);
  out.resources[id] = std::move(r);
}

}  // namespace heliocloud::construct
