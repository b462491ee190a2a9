#pragma once
// Quoting for values the renderer puts into the kit's files. The view carries each value already quoted for
// where it goes, so no template has to think about which characters are special there.
#include <string>
#include <string_view>

namespace heliocloud::daskhub {

// One POSIX shell word that expands to exactly `value`: 'it'\''s' style. Safe for every byte but NUL.
[[nodiscard]] std::string shell_quote(std::string_view value);

// A YAML double-quoted scalar (the JSON subset of it, which every YAML 1.1 and 1.2 parser reads the same
// way): quotes, backslashes and control characters are escaped, so a value can never start a comment, an
// anchor or a new key.
[[nodiscard]] std::string yaml_quote(std::string_view value);

}  // namespace heliocloud::daskhub
