#pragma once
// L1 resource: one CloudFormation resource with its properties and resource attributes.

#include <map>
#include <optional>
#include <string>
#include <utility>
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
              TagStyle tag_style = TagStyle::None, std::string tag_property = "Tags");

  const std::string& type() const { return type_; }
  void set_property(const std::string& name, Value value) { properties_[name] = std::move(value); }
  const Value* property(const std::string& name) const;

  Value ref() const { return Value::ref(*this); }
  Value get_att(std::string attribute) const { return Value::get_att(*this, std::move(attribute)); }
  // An attribute whose value is a secret (e.g. a user-pool client's ClientSecret): usable in this stack,
  // an error in another (Value::as_secret).
  Value get_att_secret(std::string attribute) const { return get_att(std::move(attribute)).as_secret(); }

  void apply_removal_policy(RemovalPolicy policy);
  // DependsOn inside one stack; across stacks it becomes a stack dependency.
  void add_dependency(const CfnResource& other);
  void set_condition(const CfnCondition& condition) { condition_ = &condition; }
  // CreationPolicy, UpdatePolicy and other resource attributes that are not properties.
  void set_attribute(const std::string& name, Value value) { attributes_[name] = std::move(value); }
  void add_resource_metadata(const std::string& key, nlohmann::ordered_json value) {
    resource_metadata_[key] = std::move(value);
  }
  // A Metadata entry that holds references (AWS::CloudFormation::Init), resolved like properties.
  void set_metadata_value(const std::string& key, Value value) { metadata_values_[key] = std::move(value); }

  TagStyle tag_style() const { return tag_style_; }
  // The tags that apply to this resource: from the root down to it, deeper ones win; in aws-cdk-lib's order
  // (construct/tag_order.h).
  std::vector<std::pair<std::string, std::string>> effective_tags() const;

  void render(TemplateSections& out, Resolver& resolver) const override;

 private:
  std::string type_;
  Value::Map properties_;
  TagStyle tag_style_;
  std::string tag_property_;
  std::optional<RemovalPolicy> removal_policy_;
  std::vector<const CfnResource*> depends_on_;
  const CfnCondition* condition_ = nullptr;
  std::map<std::string, Value> attributes_;
  nlohmann::ordered_json resource_metadata_ = nlohmann::ordered_json::object();
  std::map<std::string, Value> metadata_values_;
};

}  // namespace heliocloud::construct
