#pragma once
// Turns Values into template JSON for one consuming stack. A Ref or GetAtt of an element in another stack
// becomes Fn::ImportValue of an export that the producer stack gets automatically, and the consumer then
// depends on the producer (aws-cdk-lib's cross-stack references, with its export naming).

#include <nlohmann/json.hpp>
#include <string>

#include "construct/value.h"

namespace heliocloud::construct {

class Stack;

class Resolver {
 public:
  explicit Resolver(Stack& consumer) : consumer_(consumer) {}
  nlohmann::ordered_json resolve(const Value& value);
  // Records that the consuming stack must be deployed after `producer`.
  void depend_on(Stack& producer, const std::string& reason);

 private:
  nlohmann::ordered_json resolve_reference(const Value& value);
  nlohmann::ordered_json resolve_intrinsic(const Value& value);
  Stack& consumer_;
};

}  // namespace heliocloud::construct
