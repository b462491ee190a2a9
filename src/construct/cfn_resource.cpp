#include "construct/cfn_resource.h"

#include <algorithm>
#include <ranges>
#include <set>

#include "construct/app.h"
#include "construct/cfn_condition.h"
#include "construct/resolver.h"
#include "construct/stack.h"
#include "construct/tag_order.h"
#include "construct/template_sections.h"

namespace heliocloud::construct {

CfnResource::CfnResource(Construct& scope, std::string id, std::string type, Value::Map properties,
                         TagStyle tag_style, std::string tag_property)
    : CfnElement(scope, std::move(id)),
      type_(std::move(type)),
      properties_(std::move(properties)),
      tag_style_(tag_style),
      tag_property_(std::move(tag_property)) {}

const Value* CfnResource::property(const std::string& name) const {
  auto it = properties_.find(name);
  return it == properties_.end() ? nullptr : &it->second;
}

void CfnResource::apply_removal_policy(RemovalPolicy policy) {
  removal_policy_ = policy;
}

void CfnResource::add_dependency(const CfnResource& other) {
  if (std::ranges::find(depends_on_, &other) == depends_on_.end()) depends_on_.push_back(&other);
}

std::vector<std::pair<std::string, std::string>> CfnResource::effective_tags() const {
  std::vector<const Construct*> chain;
  for (const Construct* c = this; c != nullptr; c = c->scope()) chain.push_back(c);
  std::map<std::string, std::string> tags;
  for (auto& it : std::views::reverse(chain))
    for (const auto& [k, v] : it->tags()) tags[k] = v;
  return sorted_tags({tags.begin(), tags.end()});
}

namespace {

// DeletionPolicy and UpdateReplacePolicy of a removal policy, as aws-cdk-lib maps them.
std::pair<const char*, const char*> policy_names(RemovalPolicy p) {
  switch (p) {
    case RemovalPolicy::Destroy:
      return {"Delete", "Delete"};
    case RemovalPolicy::Snapshot:
      return {"Snapshot", "Snapshot"};
    case RemovalPolicy::RetainOnUpdateOrDelete:
      // A resource whose creation failed is deleted (nothing worth keeping); once created it is kept.
      return {"RetainExceptOnCreate", "Retain"};
    case RemovalPolicy::Retain:
      break;
  }
  return {"Retain", "Retain"};
}

}  // namespace

void CfnResource::render(TemplateSections& out, Resolver& resolver) const {
  nlohmann::ordered_json r = nlohmann::ordered_json::object();
  r["Type"] = type_;

  Value::Map props = properties_;
  if (tag_style_ != TagStyle::None) {
    const auto tags = effective_tags();
    if (!tags.empty()) {
      if (tag_style_ == TagStyle::KeyValueList) {
        Value::List list;
        for (const auto& [k, v] : tags) list.push_back(Value::map({{"Key", Value(k)}, {"Value", Value(v)}}));
        props[tag_property_] = Value(std::move(list));
      } else {
        Value::Map map;
        for (const auto& [k, v] : tags) map.emplace(k, Value(v));
        props[tag_property_] = Value(std::move(map));
      }
    }
  }
  if (!props.empty()) r["Properties"] = resolver.resolve(Value(std::move(props)));

  std::set<std::string> depends;
  for (const CfnResource* d : depends_on_) {
    if (&d->stack() == &stack())
      depends.insert(d->logical_id());
    else
      resolver.depend_on(d->stack(), "DependsOn " + d->path());
  }
  if (!depends.empty()) r["DependsOn"] = std::vector<std::string>(depends.begin(), depends.end());
  for (const auto& [name, value] : attributes_) r[name] = resolver.resolve(value);
  if (removal_policy_) {
    const auto [deletion, update_replace] = policy_names(*removal_policy_);
    r["UpdateReplacePolicy"] = update_replace;
    r["DeletionPolicy"] = deletion;
  }
  if (condition_ != nullptr) r["Condition"] = condition_->logical_id();

  nlohmann::ordered_json meta = resource_metadata_;
  for (const auto& [key, value] : metadata_values_) meta[key] = resolver.resolve(value);
  if (app().path_metadata_enabled()) meta["aws:cdk:path"] = path();
  if (!meta.empty()) r["Metadata"] = meta;

  const std::string id = logical_id();
  if (out.resources.contains(id))
    throw std::runtime_error("two resources in stack " + stack().path() + " have the logical id " + id);
  out.resources[id] = std::move(r);
}

}  // namespace heliocloud::construct
