#pragma once
// Logical IDs and stack artifact IDs exactly as aws-cdk-lib's makeUniqueId computes them, so that operators
// of the Python original see the same names (heliocloudBase8F34CA3B) and existing stacks are updated, not
// replaced.

#include <string>
#include <vector>

namespace heliocloud::construct {

// components: the construct path relative to the stack (or from the app root, for stack ids).
std::string makeUniqueId(std::vector<std::string> components);

// Keeps [A-Za-z0-9] only.
std::string removeNonAlphanumeric(const std::string& s);

}  // namespace heliocloud::construct
