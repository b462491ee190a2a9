#pragma once
// Requests as a browser would send them to the example app, and the CSRF session they belong to.
#include <string>

#include "base/percent_encoding.h"
#include "example_app.h"
#include "web/csrf.h"
#include "web/request.h"

namespace heliocloud::web::testing {

// A browser session: its CSRF cookie and the token the app put into its pages.
struct Session {
  std::string id = CsrfProtection::new_session_id();
  [[nodiscard]] std::string token() const { return CsrfProtection(kExampleCsrfKey).token_for(id); }
  [[nodiscard]] std::string cookie() const { return "hc_csrf=" + id; }
};

inline Request make_request(std::string method, std::string path, std::string cookie = {}) {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  if (!cookie.empty()) r.headers.add("Cookie", std::move(cookie));
  return r;
}

// A form POST with these urlencoded fields.
inline Request form_post(std::string path, const std::string& cookie, const std::string& fields) {
  Request r = make_request("POST", std::move(path), cookie);
  r.headers.add("Content-Type", "application/x-www-form-urlencoded");
  r.body = fields;
  return r;
}

inline std::string csrf_field(const std::string& token) {
  return "csrf_token=" + heliocloud::base::percent_encode(token);
}

}  // namespace heliocloud::web::testing
