#pragma once
// A web application: routes + static assets + the policies every request goes through, independent of the
// front door (local HTTP server or ALB → Lambda). handle() is the one entry point both doors call:
//
//   request id → cookies → body limit (413) → static assets → route (404 / 405 + Allow) → CSRF session
//   → CSRF check on POST (403) → handler (HttpError → its status; other exceptions → 500, text to the log)
//   → security headers, Cache-Control, Set-Cookie with the app's attributes → access log line.
//
// State changes only by POST: get() routes are read-only by declaration (they get no CSRF check, so they
// must not change anything); post() routes are the only ones that may, and every POST must carry the
// session's CSRF token. Other methods are not routable at all (HTML forms only send GET and POST). A
// multipart/form-data POST must send the token in the X-CSRF-Token header: only urlencoded bodies are read.
//
// Set routes and mounts up first; after that handle() is const and safe from many threads at once (the local
// server calls it from its thread pool).
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "web/access_log.h"
#include "web/csrf.h"
#include "web/error_pages.h"
#include "web/request.h"
#include "web/response.h"
#include "web/router.h"
#include "web/security_headers.h"
#include "web/static_assets.h"

namespace heliocloud::web {

struct AppOptions {
  // Secret for CSRF tokens (≥ 32 bytes, the same on every instance); see CsrfProtection.
  std::string csrf_key;
  // Larger request bodies are refused with 413 before any handler runs. ALB caps Lambda bodies at 1 MB.
  std::size_t max_body_bytes = 1024UL * 1024;
  // Secure on every cookie. Only the local development server on http://127.0.0.1 may turn it off (browsers
  // drop Secure cookies on plain http); LocalServer refuses to listen beyond loopback then, and the Lambda
  // front door refuses to run.
  bool secure_cookies = true;
  std::string csrf_cookie_name = "hc_csrf";
  std::string csrf_form_field = "csrf_token";
  std::string csrf_header = "X-CSRF-Token";
  SecurityHeaders security_headers;
  // For dynamic responses that set none: pages may show keys and tokens, so no cache keeps them.
  std::string default_cache_control = "no-store";
  ErrorPageRenderer error_page;
  AccessLogSink access_log = log_to_stderr;
  // Where exception details of 500s go (never to the client).
  std::function<void(std::string_view)> error_log;
};

class App {
 public:
  explicit App(AppOptions options);

  // A read-only page or API (GET, and HEAD with the same headers).
  void get(std::string_view pattern, Handler handler);
  // A state-changing action; the CSRF token is checked before `handler` runs.
  void post(std::string_view pattern, Handler handler);
  // Serves `assets` for GET/HEAD paths below `prefix` ("/static/").
  void mount_static(std::string prefix, StaticAssets assets);

  [[nodiscard]] Response handle(Request request) const;
  // The full error response (headers, log line) for a request a front door refused before handle(): a
  // body over its limit, a malformed ALB event.
  [[nodiscard]] Response reject(Request request, int status) const;

  [[nodiscard]] const AppOptions& options() const noexcept { return options_; }

 private:
  struct Mount {
    std::string prefix;
    StaticAssets assets;
  };
  Response dispatch(Request& request, Response& session_cookie_carrier) const;
  Response finish(const Request& request, Response response,
                  std::chrono::steady_clock::time_point start) const;
  Response error(const Request& request, int status, std::string_view message = {}) const;

  AppOptions options_;
  CsrfProtection csrf_;
  Router router_;
  std::vector<Mount> mounts_;
};

}  // namespace heliocloud::web
