#pragma once

#include <optional>

#include "construct/cfn_element.h"
#include "construct/value.h"

namespace heliocloud::construct {

class CfnCondition;

struct OutputProps {
  Value value;
  std::string description;
  std::optional<Value> export_name;
  const CfnCondition* condition = nullptr;
};

class CfnOutput : public CfnElement {
 public:
  CfnOutput(Construct& scope, std::string id, OutputProps props)
      : CfnElement(scope, std::move(id)), props_(std::move(props)) {}
  void render(TemplateSections& out, Resolver& resolver) const override;

 private:
  OutputProps props_;
};

}  // namespace heliocloud::construct
