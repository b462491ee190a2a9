#pragma once
// The sections of a CloudFormation template while it is being rendered, in the order aws-cdk-lib writes them.

#include <nlohmann/json.hpp>

namespace heliocloud::construct {

struct TemplateSections {
  nlohmann::ordered_json description;  // string or null
  nlohmann::ordered_json resources = nlohmann::ordered_json::object();
  nlohmann::ordered_json conditions = nlohmann::ordered_json::object();
  nlohmann::ordered_json outputs = nlohmann::ordered_json::object();
  nlohmann::ordered_json parameters = nlohmann::ordered_json::object();
  nlohmann::ordered_json rules = nlohmann::ordered_json::object();

  nlohmann::ordered_json to_template() const;
};

}  // namespace heliocloud::construct
