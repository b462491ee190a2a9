#pragma once
// A Problem is one thing wrong with a job's input, said so that a data provider can fix it without
// reading our code: where (file:line or file[entry]), what, and how to fix it. Validation collects
// every Problem instead of stopping at the first one, so one run shows the provider everything.
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

// One problem per line, for error messages and the CLI.
[[nodiscard]] std::string to_string(const Problems& problems);

}  // namespace heliocloud::registry
