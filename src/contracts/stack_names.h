#pragma once
// The construct ids of the instance's stacks (`<instance>/<id>` in `cdk ls`). Tools that look a deployed
// stack up by name (the heliocloud CLI) use these with the same unique-id rule as the installer.
#include <string_view>

namespace heliocloud::contracts::stacks {

inline constexpr std::string_view kBase = "Base";
inline constexpr std::string_view kIdentity = "Identity";
inline constexpr std::string_view kAuth = "Auth";
inline constexpr std::string_view kRegistry = "Registry";
inline constexpr std::string_view kDaskhub = "Daskhub";
inline constexpr std::string_view kPortal = "Portal";
inline constexpr std::string_view kRegistrationPage = "Registration Page";

}  // namespace heliocloud::contracts::stacks
