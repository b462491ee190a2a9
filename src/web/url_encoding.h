#pragma once
// application/x-www-form-urlencoded (WHATWG URL §5): the one parser behind query strings from either front
// door and form bodies (percent-decoding itself is base/percent_encoding.h).
#include <string>
#include <string_view>

#include "web/params.h"

namespace heliocloud::web {

// "a=1&b=x+y&a=%32" → {a:1, b:"x y", a:2}. Empty pieces are skipped; "flag" alone is {flag:""}.
[[nodiscard]] Params parse_urlencoded(std::string_view text);

}  // namespace heliocloud::web
