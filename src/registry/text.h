#pragma once
// String checks the registry's parsers share (UTF-8, sizes, quoting user input). Trimming, lower-casing and
// splitting are base/text.h; prefixes and suffixes are std::string_view::starts_with / ends_with.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace heliocloud::registry::text {

[[nodiscard]] bool is_valid_utf8(std::string_view s);

// A non-negative decimal integer of plain digits ("1.0", "-3", "1e3" and "" are rejected).
[[nodiscard]] std::optional<std::uint64_t> parse_size(std::string_view s);

// The value with control characters shown as \xNN, for quoting user input inside error messages.
[[nodiscard]] std::string printable(std::string_view s);

}  // namespace heliocloud::registry::text
