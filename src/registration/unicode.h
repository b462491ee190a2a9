#pragma once
// Just enough Unicode for checking what people type into a form: UTF-8 decoding and the classes of code
// points that Cognito's name pattern ([\p{L}\p{M}\p{S}\p{N}\p{P}]+) leaves out and that can be told without
// the full Unicode tables: spaces and separators, control and invisible format characters, private use and
// noncharacters. (Unassigned code points are left to Cognito, which refuses them itself.)
#include <optional>
#include <string>
#include <string_view>

namespace heliocloud::registration {

// The code points of `text`, or nullopt when it is not well-formed UTF-8 (overlong forms, surrogates and
// values above U+10FFFF are not).
[[nodiscard]] std::optional<std::u32string> decode_utf8(std::string_view text);

// Space separators, line and paragraph separators, and the ASCII whitespace controls.
[[nodiscard]] bool is_space(char32_t c) noexcept;
// C0/C1 controls, invisible format characters (zero-width spaces and joiners, bidi controls, BOM, ...),
// private use and noncharacters: nothing a person means to type in a name.
[[nodiscard]] bool is_control_or_invisible(char32_t c) noexcept;

}  // namespace heliocloud::registration
