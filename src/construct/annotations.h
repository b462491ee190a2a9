#pragma once
// Warnings and errors attached to a construct: `cdk synth` prints them with the construct path, an error
// fails the synthesis and `cdk synth --strict` fails on warnings.

#include <string>

#include "construct/construct.h"

namespace heliocloud::construct::annotations {

inline void add_warning(Construct& scope, const std::string& message) {
  scope.add_metadata("aws:cdk:warning", message);
}
inline void add_error(Construct& scope, const std::string& message) {
  scope.add_metadata("aws:cdk:error", message);
}
inline void add_info(Construct& scope, const std::string& message) {
  scope.add_metadata("aws:cdk:info", message);
}

}  // namespace heliocloud::construct::annotations
