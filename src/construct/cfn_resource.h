#pragma once
// L1 resource: one CloudFormation resource with its properties and resource attributes.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "construct/cfn_element.h"
#include "construct/removal_policy.h"
#include "construct/value.h"

namespace heliocloud::construct {

class CfnCondition;

// How a resource type takes tags: most take a list of {Key, Value}, a few a plain map, some none at all.
enum class TagStyle { None, KeyValueList, Map };

class CfnResource : public CfnElement {
 public:
  CfnResource(Construct& scope, std::string id, std::string type, Value::Map properties = {},
              TagStyle tagStyle = TagStyle::None, std::string tagProperty = "Tags");

  const std::string& type() const { return type_; }
  void setProperty(const std::string& name, Value value) { properties_[name] = std::move(value); }
  const Value* property(const std::string& name) const;
  const Value::Map& properties() const { return properties_; }

  Value ref() const { return Value::ref(*this); }
  Value getAtt(std::string attribute) const { return Value::getAtt(*this, std::move(attribute)); }

  void applyRemovalPolicy(RemovalPolicy policy);
  // DependsOn inside one stack; across stacks it becomes a stack dependency.
  void addDependency(const CfnResource& other);
  void setCondition(const CfnCondition& condition) { condition_ = &condition; }
  // CreationPolicy, UpdatePolicy and other resource attributes that are not properties.
  void setAttribute(const std::string& name, Value value) { attributes_[name] = std::move(value); }
  void addResourceMetadata(const std::string& key, nlohmann::ordered_json value) {
    resourceMetadata_[key] = std::move(value);
  }

  TagStyle tagStyle() const { return tagStyle_; }
  // The tags that apply to this resource: from the root down to it, deeper ones win; sorted by key.
  std::map<std::string, std::string> effectiveTags() const;

  void render(TemplateSections& out, Resolver& resolver) const override;

 private:
  std::string type_;
  Value::Map properties_;
  TagStyle tagStyle_;
  std::string tagProperty_;
  std::optional<RemovalPolicy> removalPolicy_;
  std::vector<const CfnResource*> dependsOn_;
  const CfnCondition* condition_ = nullptr;
  std::map<std::string, Value> attributes_;
  nlohmann::ordered_json resourceMetadata_ = nlohmann::ordered_json::object();
};

}  // namespace heliocloud::construct
