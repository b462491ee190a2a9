#pragma once
// aws-cdk-lib's makeUniqueId: the logical id of a construct path inside a stack, and the artifact id of a
// stack path in the app. Computed exactly as aws-cdk does, so that operators of the Python original see the
// same names (heliocloudBase8F34CA3B) and existing stacks are updated, not replaced. In base, not in the
// construct layer, because tools that find a deployed stack by name (the heliocloud CLI) compute it too.
#include <string>
#include <string_view>
#include <vector>

namespace heliocloud::base {

// components: the construct path relative to the stack (or from the app root, for stack ids).
// Throws std::invalid_argument when nothing is left after dropping "Default" components.
[[nodiscard]] std::string make_unique_id(std::vector<std::string> components);

// Keeps ASCII [A-Za-z0-9] only.
[[nodiscard]] std::string remove_non_alphanumeric(std::string_view s);

}  // namespace heliocloud::base
