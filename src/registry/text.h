#pragma once
// Small string helpers shared by the parsers. Kept here so every parser trims and checks UTF-8 the same way.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace heliocloud::registry::text {

// Strips ASCII spaces and tabs at both ends (manifests written by hand often have "a, b, c").
[[nodiscard]] std::string_view trim(std::string_view s);

[[nodiscard]] std::string to_lower(std::string_view s);

[[nodiscard]] bool is_valid_utf8(std::string_view s);

// A non-negative decimal integer of plain digits ("1.0", "-3", "1e3" and "" are rejected).
[[nodiscard]] std::optional<std::uint64_t> parse_size(std::string_view s);

// The value with control characters shown as \xNN, for quoting user input inside error messages.
[[nodiscard]] std::string printable(std::string_view s);

[[nodiscard]] bool starts_with(std::string_view s, std::string_view prefix);
[[nodiscard]] bool ends_with(std::string_view s, std::string_view suffix);

}  // namespace heliocloud::registry::text
