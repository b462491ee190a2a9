#pragma once
// Building the registration site in tests, and requests as a browser or a script would send them.
#include <string>
#include <vector>

#include "base/percent_encoding.h"
#include "registration/registration_site.h"
#include "web/csrf.h"
#include "web/request.h"

namespace heliocloud::registration::testing {

inline const std::string kTestCsrfKey = "registration-test-key-0123456789abcdef";

// A browser session: its CSRF cookie and the token the site put into its pages.
struct Session {
  std::string id = web::CsrfProtection::new_session_id();
  [[nodiscard]] std::string token() const { return web::CsrfProtection(kTestCsrfKey).token_for(id); }
  [[nodiscard]] std::string cookie() const { return "hc_csrf=" + id; }
};

inline web::Request get(std::string path) {
  web::Request r;
  r.method = "GET";
  r.path = std::move(path);
  return r;
}

// POST /register from the page (urlencoded fields, the token in csrf_token).
inline web::Request form_post(const Session& session,
                              const std::vector<std::pair<std::string, std::string>>& fields,
                              bool with_token = true) {
  web::Request r;
  r.method = "POST";
  r.path = "/register";
  r.headers.add("Cookie", session.cookie());
  r.headers.add("Content-Type", "application/x-www-form-urlencoded");
  if (with_token) r.body = "csrf_token=" + base::percent_encode(session.token());
  for (const auto& [name, value] : fields)
    r.body += (r.body.empty() ? "" : "&") + name + "=" + base::percent_encode(value);
  return r;
}

// POST /register as JSON (the original contract), the token in X-CSRF-Token.
inline web::Request json_post(const Session& session, const std::string& body, const std::string& token) {
  web::Request r;
  r.method = "POST";
  r.path = "/register";
  r.headers.add("Cookie", session.cookie());
  r.headers.add("Content-Type", "application/json");
  r.headers.add("Accept", "application/json");
  if (!token.empty()) r.headers.add("X-CSRF-Token", token);
  r.body = body;
  return r;
}

}  // namespace heliocloud::registration::testing
