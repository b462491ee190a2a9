#pragma once
// Cookies both ways: the request's Cookie header (RFC 6265 §5.4) and the response's Set-Cookie lines, whose
// attributes default to the safe choice (§4.1.2): HttpOnly (page scripts cannot read tokens), Secure,
// SameSite=Lax (no cookies on cross-site POSTs), Path=/. The original portal set none of them (webapps doc
// §9.7).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "web/params.h"

namespace heliocloud::web {

enum class SameSite { Lax, Strict, None };

struct SetCookie {
  std::string name;
  std::string value;
  std::optional<std::chrono::seconds> max_age = std::nullopt;  // none: a session cookie; zero: delete it now
  std::string path = "/";
  bool http_only = true;
  SameSite same_site = SameSite::Lax;
};

// The cookie that makes the browser forget `name` (same path, Max-Age=0).
[[nodiscard]] SetCookie expired_cookie(std::string name, std::string path = "/");

// The Set-Cookie value. `secure` is the app's choice, not the handler's: always true, except the local
// development server on http://127.0.0.1 (browsers drop Secure cookies on plain http). Throws
// std::invalid_argument for a name that is not an RFC 7230 token or a value with characters outside
// cookie-octet (so that a handler cannot inject attributes); encode such values (base64url, percent).
[[nodiscard]] std::string format_set_cookie(const SetCookie& cookie, bool secure);

// "a=1; b=2" → {a:1, b:2}. Pieces without '=' are ignored; values in double quotes lose them.
[[nodiscard]] Params parse_cookie_header(std::string_view header);

}  // namespace heliocloud::web
