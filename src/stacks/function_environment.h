#pragma once
// A contract's FunctionEnvironment<Value> as a function's environment variables (contracts/*.h).
#include <map>
#include <string>
#include <string_view>

#include "construct/value.h"

namespace heliocloud::stacks {

template <class Environment>
std::map<std::string, construct::Value> environment_variables(const Environment& environment) {
  std::map<std::string, construct::Value> variables;
  Environment::for_each_variable(environment, [&](std::string_view name, const construct::Value& value) {
    variables.emplace(name, value);
  });
  return variables;
}

}  // namespace heliocloud::stacks
