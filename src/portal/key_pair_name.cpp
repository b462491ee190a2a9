#include "portal/key_pair_name.h"

namespace heliocloud::portal {

std::optional<std::string> key_pair_name_problem(std::string_view name) {
  if (name.empty()) return "Key pair name: enter a name.";
  if (name.size() > kMaxKeyPairNameLength)
    return "Key pair name: at most " + std::to_string(kMaxKeyPairNameLength) + " characters.";
  if (name.front() == '.') return "Key pair name: must not start with a dot.";
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_' || c == '.';
    if (!ok) return "Key pair name: use only letters, digits, '-', '_' and '.'.";
  }
  return std::nullopt;
}

}  // namespace heliocloud::portal
