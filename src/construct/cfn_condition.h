#pragma once

#include "construct/cfn_element.h"
#include "construct/value.h"

namespace heliocloud::construct {

// A template condition; resources and outputs refer to it with setCondition().
class CfnCondition : public CfnElement {
 public:
  CfnCondition(Construct& scope, std::string id, Value expression)
      : CfnElement(scope, std::move(id)), expression_(std::move(expression)) {}
  void render(TemplateSections& out, Resolver& resolver) const override;

 private:
  Value expression_;
};

}  // namespace heliocloud::construct
