#include "registry/problem.h"

namespace heliocloud::registry {

std::string Problem::to_string() const {
  std::string out = where.empty() ? message : where + ": " + message;
  if (!fix.empty()) out += " (fix: " + fix + ")";
  return out;
}

std::string to_string(const Problems& problems) {
  std::string out;
  for (const auto& p : problems) {
    if (!out.empty()) out += '\n';
    out += p.to_string();
  }
  return out;
}

}  // namespace heliocloud::registry
