#include "registry/problem.h"

#include <utility>

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

void add_problem(Problems& list, std::size_t& unlisted, Problem problem) {
  if (list.size() < kMaxListedProblems)
    list.push_back(std::move(problem));
  else
    ++unlisted;
}

void end_problem_list(Problems& list, std::size_t unlisted, const std::string& where) {
  if (unlisted == 0) return;
  list.push_back({.where = where,
                  .message = std::to_string(unlisted) + " more problems after these (only the first " +
                             std::to_string(kMaxListedProblems) + " are listed)",
                  .fix = "fix the problems listed, then run the job again to see the rest"});
}

}  // namespace heliocloud::registry
