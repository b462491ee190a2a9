#pragma once
// Base of everything that becomes an entry of a CloudFormation template (resource, output, parameter,
// condition, rule). Its logical id comes from its path inside the stack (logical_id.h) unless overridden.

#include <optional>
#include <string>

#include "construct/construct.h"

namespace heliocloud::construct {

class Resolver;
struct TemplateSections;

class CfnElement : public Construct {
 public:
  CfnElement(Construct& scope, std::string id) : Construct(scope, std::move(id)) {}
  std::string logical_id() const;
  void override_logical_id(std::string id) { logical_id_override_ = std::move(id); }

  // Writes this element into its section of the template, resolving values in the element's stack.
  virtual void render(TemplateSections& out, Resolver& resolver) const = 0;

 private:
  std::optional<std::string> logical_id_override_;
};

}  // namespace heliocloud::construct
