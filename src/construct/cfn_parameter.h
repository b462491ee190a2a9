#pragma once

#include <optional>

#include "construct/cfn_element.h"
#include "construct/value.h"

namespace heliocloud::construct {

struct ParameterProps {
  std::string type = "String";
  std::optional<Value> default_value;
  std::string description;
  std::vector<std::string> allowed_values;
  bool no_echo = false;
};

class CfnParameter : public CfnElement {
 public:
  CfnParameter(Construct& scope, std::string id, ParameterProps props)
      : CfnElement(scope, std::move(id)), props_(std::move(props)) {}
  Value ref() const { return Value::ref(*this); }
  void render(TemplateSections& out, Resolver& resolver) const override;

 private:
  ParameterProps props_;
};

}  // namespace heliocloud::construct
