#pragma once
// What a key pair may be called. EC2 takes up to 255 ASCII characters, but the name also becomes the file
// name of the download (<name>.pem) and part of the ssh command the home page shows, so the portal keeps
// to letters, digits, '-', '_' and '.', at most 64, not starting with a dot.
#include <optional>
#include <string>
#include <string_view>

namespace heliocloud::portal {

inline constexpr std::size_t kMaxKeyPairNameLength = 64;

// The message for the keypair_name field, or nullopt when the name is fine.
[[nodiscard]] std::optional<std::string> key_pair_name_problem(std::string_view name);

}  // namespace heliocloud::portal
