#include "web/security_headers.h"

namespace heliocloud::web {

void apply_security_headers(const SecurityHeaders& policy, Headers& headers) {
  headers.set("Content-Security-Policy", policy.content_security_policy);
  headers.set("Strict-Transport-Security", policy.strict_transport_security);
  headers.set("X-Frame-Options", policy.frame_options);
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", policy.referrer_policy);
}

}  // namespace heliocloud::web
