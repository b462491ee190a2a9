// Rendering of the small template elements: conditions, outputs, parameters.
#include "construct/cfn_condition.h"
#include "construct/cfn_output.h"
#include "construct/cfn_parameter.h"
#include "construct/resolver.h"
#include "construct/template_sections.h"

namespace heliocloud::construct {

void CfnCondition::render(TemplateSections& out, Resolver& resolver) const {
  out.conditions[logicalId()] = resolver.resolve(expression_);
}

void CfnOutput::render(TemplateSections& out, Resolver& resolver) const {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  if (!props_.description.empty()) o["Description"] = props_.description;
  o["Value"] = resolver.resolve(props_.value);
  if (props_.exportName) o["Export"] = {{"Name", resolver.resolve(*props_.exportName)}};
  if (props_.condition != nullptr) o["Condition"] = props_.condition->logicalId();
  out.outputs[logicalId()] = std::move(o);
}

void CfnParameter::render(TemplateSections& out, Resolver& resolver) const {
  nlohmann::ordered_json p = nlohmann::ordered_json::object();
  p["Type"] = props_.type;
  if (props_.defaultValue) p["Default"] = resolver.resolve(*props_.defaultValue);
  if (!props_.allowedValues.empty()) p["AllowedValues"] = props_.allowedValues;
  if (props_.noEcho) p["NoEcho"] = true;
  if (!props_.description.empty()) p["Description"] = props_.description;
  out.parameters[logicalId()] = std::move(p);
}

}  // namespace heliocloud::construct
