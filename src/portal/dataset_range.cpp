#include "portal/dataset_range.h"

#include <chrono>

namespace heliocloud::portal {
namespace {

constexpr auto kDefaultSpan = std::chrono::days(kDefaultRangeDays);

registry::Instant plus(const registry::Instant& t, std::chrono::seconds d) {
  return {.seconds = t.seconds + d, .nanos = t.nanos};
}

// Parses one field; on failure sets `error` (naming the field, the text, and a good example).
std::optional<registry::Instant> parse_field(const std::optional<std::string>& text, const char* field,
                                             std::string& error) {
  if (!text || text->empty()) return std::nullopt;
  if (text->size() > 64) {
    error = std::string(field) +
            ": too long; write a date such as 2021-01-31 or a time such as 2021-01-31T12:00:00Z";
    return std::nullopt;
  }
  try {
    return registry::parse_time(*text);
  } catch (const registry::TimeError&) {
    error = std::string(field) + ": \"" + *text +
            "\" is not a date; write it as 2021-01-31 or as a UTC time such as 2021-01-31T12:00:00Z";
    return std::nullopt;
  }
}

}  // namespace

std::string range_text(const registry::Instant& t) {
  std::string full = registry::format_time(t, registry::fraction_digits_needed(t));
  if (t.nanos == 0 && full.substr(10) == "T00:00:00Z") return full.substr(0, 10);
  return full;
}

DatasetRange choose_range(const std::optional<std::string>& start, const std::optional<std::string>& stop,
                          const registry::Instant& coverage_stop) {
  DatasetRange r;
  const auto typed_start = parse_field(start, "start", r.start_error);
  const auto typed_stop = parse_field(stop, "stop", r.stop_error);
  // Midnight after the coverage's last day, so that the default range shows whole days.
  const auto last_day = std::chrono::floor<std::chrono::days>(coverage_stop.seconds);
  const registry::Instant default_stop{.seconds = std::chrono::sys_seconds(last_day + std::chrono::days(1)),
                                       .nanos = 0};
  if (typed_start && typed_stop) {
    r.start = *typed_start;
    r.stop = *typed_stop;
  } else if (typed_start) {
    r.start = *typed_start;
    r.stop = plus(*typed_start, kDefaultSpan);
  } else {
    r.stop = typed_stop.value_or(default_stop);
    r.start = plus(r.stop, -kDefaultSpan);
  }
  if (r.ok() && !(r.start < r.stop)) r.stop_error = "stop: must be after start (" + range_text(r.start) + ")";
  // A wrong field shows what was typed, so the user can correct it; a good one the time it stands for.
  r.start_text = r.start_error.empty() ? range_text(r.start) : start.value_or("");
  r.stop_text = r.stop_error.empty() ? range_text(r.stop) : stop.value_or(range_text(r.stop));
  return r;
}

}  // namespace heliocloud::portal
