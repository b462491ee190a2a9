#pragma once
// Headers every response carries, error pages and 304s included. The defaults lock the page down: scripts,
// styles and images from our own origin only (so an injected <script> does not run, even if escaping were
// missed), no framing (clickjacking), no MIME sniffing, HTTPS remembered for a year, and no Referer to other
// sites (URLs such as the OAuth callback carry codes).
#include <string>

#include "web/headers.h"

namespace heliocloud::web {

struct SecurityHeaders {
  std::string content_security_policy =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
      "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  std::string strict_transport_security = "max-age=31536000; includeSubDomains";
  std::string frame_options = "DENY";
  std::string referrer_policy = "same-origin";
};

// Sets the headers (replacing what a handler set: the policy is the app's, not one handler's) and
// X-Content-Type-Options: nosniff.
void apply_security_headers(const SecurityHeaders& policy, Headers& headers);

}  // namespace heliocloud::web
