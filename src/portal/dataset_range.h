#pragma once
// The time range of a dataset page (?start=…&stop=…): what the user typed, checked, with a message per field,
// and a default when a field is left empty: the last 30 days of the dataset's coverage.
#include <optional>
#include <string>

#include "registry/time.h"

namespace heliocloud::portal {

inline constexpr int kDefaultRangeDays = 30;

struct DatasetRange {
  registry::Instant start;
  registry::Instant stop;  // exclusive
  std::string start_text;  // what the form shows: as typed when wrong, else the chosen time
  std::string stop_text;
  std::string start_error;  // empty when the field is fine
  std::string stop_error;

  [[nodiscard]] bool ok() const { return start_error.empty() && stop_error.empty(); }
};

// A day as YYYY-MM-DD when it is midnight, else YYYY-MM-DDThh:mm:ss[.f]Z.
[[nodiscard]] std::string range_text(const registry::Instant& t);

// `start`/`stop` are the query's fields (absent or empty: default). Accepts YYYY-MM-DD and ISO 8601 times
// (registry/time.h). Defaults: stop = the day after the coverage's last day, start = stop − 30 days; with
// only start given, stop = start + 30 days; with only stop, start = stop − 30 days. stop must be after start.
[[nodiscard]] DatasetRange choose_range(const std::optional<std::string>& start,
                                        const std::optional<std::string>& stop,
                                        const registry::Instant& coverage_stop);

}  // namespace heliocloud::portal
