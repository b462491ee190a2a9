#pragma once
// Template assertions without disk: synthesize a stack's app in memory and look its template up by resource
// type and properties (what aws-cdk-lib's Template.fromStack and hasResourceProperties do, our way).

#include <gtest/gtest.h>

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "construct/stack.h"

namespace heliocloud::testing {

// True when `actual` has everything `expected` has: objects key by key (extra keys allowed, recursively),
// arrays element by element with the same length, anything else equal.
bool json_contains(const nlohmann::json& actual, const nlohmann::json& expected);

class Template {
 public:
  // Renders every stack of `stack`'s app (so cross-stack exports exist) and keeps `stack`'s template.
  static Template from_stack(construct::Stack& stack);
  explicit Template(nlohmann::json json) : json_(std::move(json)) {}

  const nlohmann::json& json() const { return json_; }
  const nlohmann::json& resources() const { return json_.at("Resources"); }
  const nlohmann::json& outputs() const { return json_.at("Outputs"); }

  // Resources of `type` whose Properties contain `properties`, by logical id.
  std::map<std::string, nlohmann::json> find_resources(
      const std::string& type, const nlohmann::json& properties = nlohmann::json::object()) const;
  std::size_t count(const std::string& type) const { return find_resources(type).size(); }
  // The one resource of `type` (throws when there are none or several).
  const nlohmann::json& only(const std::string& type) const;
  // The logical id of the one resource of `type` whose Properties contain `properties`.
  std::string logical_id_of(const std::string& type, const nlohmann::json& properties) const;

  // At least one resource of `type` has Properties containing `properties`.
  ::testing::AssertionResult has_resource_properties(const std::string& type,
                                                     const nlohmann::json& properties) const;
  // At least one resource of `type` contains `resource` (Properties, DeletionPolicy, DependsOn, ...).
  ::testing::AssertionResult has_resource(const std::string& type, const nlohmann::json& resource) const;

 private:
  nlohmann::json json_;
};

}  // namespace heliocloud::testing
