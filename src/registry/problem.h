#pragma once
// A Problem is one thing wrong with a job's input, said so that a data provider can fix it without
// reading our code: where (file:line or file[entry]), what, and how to fix it. Validation collects
// every Problem instead of stopping at the first one, so one run shows the provider everything.
#include <cstddef>
#include <string>
#include <vector>

namespace heliocloud::registry {

struct Problem {
  std::string where;    // "MMS/manifest.csv:17", "entries.json[1] (id ABC)"
  std::string message;  // "mms1/x.cdf: size 4641642 in the manifest, 4641000 in the bucket"
  std::string fix;      // "re-upload the file or correct the size"; may be empty

  // "where: message (fix: ...)"
  [[nodiscard]] std::string to_string() const;
};

using Problems = std::vector<Problem>;

// At most this many problems are listed per file (a manifest, its dataset's files): a manifest whose every
// row is wrong has a million, which neither memory nor a stored job's error could hold, and the first
// thousand show a provider what to fix.
inline constexpr std::size_t kMaxListedProblems = 1000;

// Adds `problem` to `list` while it holds fewer than kMaxListedProblems; else counts it in `unlisted`.
void add_problem(Problems& list, std::size_t& unlisted, Problem problem);

// Appends, when `unlisted` > 0, the problem that says how many more there were in `where`.
void end_problem_list(Problems& list, std::size_t unlisted, const std::string& where);

// One problem per line, for error messages and the CLI.
[[nodiscard]] std::string to_string(const Problems& problems);

}  // namespace heliocloud::registry
