#include "construct/template_sections.h"

namespace heliocloud::construct {

nlohmann::ordered_json TemplateSections::to_template() const {
  nlohmann::ordered_json t = nlohmann::ordered_json::object();
  if (description.is_string()) t["Description"] = description;
  t["Resources"] = resources;
  if (!conditions.empty()) t["Conditions"] = conditions;
  if (!outputs.empty()) t["Outputs"] = outputs;
  if (!parameters.empty()) t["Parameters"] = parameters;
  if (!rules.empty()) t["Rules"] = rules;
  return t;
}

}  // namespace heliocloud::construct
