#pragma once
// Lookups without AWS calls at synth time. A lookup whose answer is not in the context yet is reported as
// "missing" in the manifest and answered with a dummy; the CDK CLI then performs the lookup with the
// operator's credentials, stores it in cdk.context.json and runs the app again.

#include <nlohmann/json.hpp>
#include <string>

namespace heliocloud::construct {

class Stack;

// The context key aws-cdk-lib's ContextProvider.getKey makes: "<provider>:" + sorted "k=v" pairs joined with
// ':' (objects and arrays flattened as "filter.isDefault=true", "list.0=a"; the first ':' of a string value
// written
// "$:", as aws-cdk-lib does). Equal keys let the CLI reuse an operator's cdk.context.json from the original.
std::string context_key(const std::string& provider, const nlohmann::ordered_json& props);

// Looks `provider` up for the stack's environment (account and region are added to `props`).
// Throws when the stack is environment-agnostic or when the CLI recorded a lookup error.
nlohmann::ordered_json lookup_context(Stack& stack, const std::string& provider, nlohmann::ordered_json props,
                                      nlohmann::ordered_json dummy);

}  // namespace heliocloud::construct
