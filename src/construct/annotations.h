#pragma once
// Warnings and errors attached to a construct: `cdk synth` prints them with the construct path, an error
// fails the synthesis and `cdk synth --strict` fails on warnings.

#include <string>

#include "construct/construct.h"

namespace heliocloud::construct::annotations {

inline void addWarning(Construct& scope, const std::string& message) {
  scope.addMetadata("aws:cdk:warning", message);
}
inline void addError(Construct& scope, const std::string& message) {
  scope.addMetadata("aws:cdk:error", message);
}
inline void addInfo(Construct& scope, const std::string& message) {
  scope.addMetadata("aws:cdk:info", message);
}

}  // namespace heliocloud::construct::annotations
