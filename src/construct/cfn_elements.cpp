// Rendering of the small template elements: conditions, outputs, parameters.
#include "construct/cfn_condition.h"
#include "construct/cfn_output.h"
#include "construct/cfn_parameter.h"
#include "construct/resolver.h"
#include "construct/template_sections.h"

namespace heliocloud::construct {

void CfnCondition::render(TemplateSections& out, Resolver& resolver) const {
  out.conditions[logical_id()] = resolver.resolve(expression_);
}

void CfnOutput::render(TemplateSections& out, Resolver& resolver) const {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  if (!props_.description.empty()) o["Description"] = props_.description;
  o["Value"] = resolver.resolve(props_.value);
  if (props_.export_name) o["Export"] = {{"Name", resolver.resolve(*props_.export_name)}};
  if (props_.condition != nullptr) o["Condition"] = props_.condition->logical_id();
  out.outputs[logical_id()] = std::move(o);
}

void CfnParameter::render(TemplateSections& out, Resolver& resolver) const {
  nlohmann::ordered_json p = nlohmann::ordered_json::object();
  p["Type"] = props_.type;
  if (props_.default_value) p["Default"] = resolver.resolve(*props_.default_value);
  if (!props_.allowed_values.empty()) p["AllowedValues"] = props_.allowed_values;
  if (props_.no_echo) p["NoEcho"] = true;
  if (!props_.description.empty()) p["Description"] = props_.description;
  out.parameters[logical_id()] = std::move(p);
}

}  // namespace heliocloud::construct
