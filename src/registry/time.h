#pragma once
// Times in the registry: parsed from what providers write (ISO 8601 in its common forms) and written in
// the one restricted form CloudCatalog 1.1 clients read (cloudcatalog.md §4.4 and §8.7):
// YYYY-MM-DDThh:mm:ssZ, or with a fixed number of fraction digits for a whole dataset.
#include <chrono>
#include <compare>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace heliocloud::registry {

// A UTC instant with nanosecond resolution. Seconds are kept apart from the fraction so that years far
// from 1970 (historical records) are not limited by a 64-bit nanosecond count.
struct Instant {
  std::chrono::sys_seconds seconds;  // the epoch unless set (time_point value-initializes itself)
  std::uint32_t nanos = 0;           // 0..999'999'999

  friend auto operator<=>(const Instant&, const Instant&) = default;

  [[nodiscard]] int year() const;  // UTC calendar year, the index file a row goes into
};

class TimeError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Accepts YYYY-MM-DD (midnight), YYYY-MM-DDThh[:mm[:ss[.f...]]] with `T`, `t` or a space, the basic forms
// YYYYMMDD and YYYYMMDDThhmmss, up to 9 fraction digits (`.` or `,`), and a zone `Z`, `±hh:mm`, `±hhmm`,
// `±hh` or none. Offsets are converted to UTC; a time without a zone is taken as UTC (what the original
// platform did). Throws TimeError naming the text, what is wrong and an example of a good value.
[[nodiscard]] Instant parse_time(std::string_view text);

// YYYY-MM-DDThh:mm:ss[.f]Z with exactly `fraction_digits` (0..9) digits after the point; 0 = no point.
[[nodiscard]] std::string format_time(const Instant& t, int fraction_digits);

// The fewest fraction digits, from {0, 3, 6, 9}, that write `t` without loss. A dataset takes the maximum
// over all its rows, so every row of every year has the same length (clients reject mixed precisions).
[[nodiscard]] int fraction_digits_needed(const Instant& t);

[[nodiscard]] Instant now_utc();

}  // namespace heliocloud::registry
