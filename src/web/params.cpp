#include "web/params.h"

#include <algorithm>

namespace heliocloud::web {

bool Params::has(std::string_view name) const {
  return std::ranges::any_of(entries_, [&](const Entry& e) { return e.first == name; });
}

std::optional<std::string> Params::get(std::string_view name) const {
  for (const auto& [key, value] : entries_) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::vector<std::string> Params::get_all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [key, value] : entries_) {
    if (key == name) out.push_back(value);
  }
  return out;
}

}  // namespace heliocloud::web
