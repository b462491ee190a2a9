#include "web/app.h"

#include <cstdio>

#include "web/http_error.h"

namespace heliocloud::web {
namespace {

void log_error_to_stderr(std::string_view text) {
  const std::string line = "error " + std::string(text) + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace

App::App(AppOptions options) : options_(std::move(options)), csrf_(options_.csrf_key) {
  if (!options_.error_log) options_.error_log = log_error_to_stderr;
}

void App::get(std::string_view pattern, Handler handler) {
  router_.add("GET", pattern, std::move(handler));
}

void App::post(std::string_view pattern, Handler handler) {
  router_.add("POST", pattern, std::move(handler));
}

void App::mount_static(std::string prefix, StaticAssets assets) {
  if (!prefix.starts_with('/') || !prefix.ends_with('/'))
    throw std::invalid_argument("a static mount point starts and ends with '/': " + prefix);
  mounts_.push_back({.prefix = std::move(prefix), .assets = std::move(assets)});
}

Response App::error(const Request& request, int status, std::string_view message) const {
  return error_response(request, status, message, options_.error_page);
}

Response App::handle(Request request) const {
  const auto start = std::chrono::steady_clock::now();
  if (request.request_id.empty()) request.request_id = random_hex(8);
  request.cookies = parse_cookie_header(request.headers.get("Cookie").value_or(""));
  Response carrier;  // collects the CSRF cookie when this request starts a session
  Response response = dispatch(request, carrier);
  for (auto& cookie : carrier.cookies) response.cookies.push_back(std::move(cookie));
  return finish(request, std::move(response), start);
}

Response App::reject(Request request, int status) const {
  const auto start = std::chrono::steady_clock::now();
  if (request.request_id.empty()) request.request_id = random_hex(8);
  return finish(request, error(request, status), start);
}

Response App::dispatch(Request& request, Response& session_cookie_carrier) const {
  if (request.body.size() > options_.max_body_bytes) return error(request, 413);

  for (const auto& mount : mounts_) {
    if (!request.path.starts_with(mount.prefix)) continue;
    if (request.method != "GET" && request.method != "HEAD") {
      Response r = error(request, 405);
      r.headers.set("Allow", "GET, HEAD");
      return r;
    }
    auto served = mount.assets.serve(std::string_view(request.path).substr(mount.prefix.size()), request);
    return served ? std::move(*served) : error(request, 404);
  }

  auto match = router_.match(request.method, request.path);
  if (match.kind == Router::Match::Kind::NotFound) return error(request, 404);
  if (match.kind == Router::Match::Kind::MethodNotAllowed) {
    Response r = error(request, 405);
    r.headers.set("Allow", allow_header(match.allowed));
    return r;
  }
  request.path_params = std::move(match.path_params);

  // The browser session's CSRF id: the cookie when it is well-formed, else a new one (its cookie goes out
  // with this response, so the token rendered into this page matches the next POST).
  const auto cookie = request.cookies.get(options_.csrf_cookie_name);
  const bool has_session = cookie && CsrfProtection::is_session_id(*cookie);
  const std::string session_id = has_session ? *cookie : CsrfProtection::new_session_id();
  if (!has_session)
    session_cookie_carrier.set_cookie({.name = options_.csrf_cookie_name, .value = session_id});
  request.csrf_token = csrf_.token_for(session_id);

  if (request.method == "POST") {
    auto submitted = request.headers.get(options_.csrf_header);
    if (!submitted) submitted = request.form().get(options_.csrf_form_field);
    // A POST without a session cookie cannot be genuine: the token must match a session the browser holds.
    if (!has_session || !submitted || !csrf_.verify(session_id, *submitted)) return error(request, 403);
  }

  try {
    return (*match.handler)(request);
  } catch (const HttpError& e) {
    return error(request, e.status(), e.what());
  } catch (const std::exception& e) {
    options_.error_log("request_id=" + request.request_id + " unhandled exception: " + e.what());
    return error(request, 500);
  } catch (...) {
    options_.error_log("request_id=" + request.request_id + " unhandled non-standard exception");
    return error(request, 500);
  }
}

Response App::finish(const Request& request, Response response,
                     std::chrono::steady_clock::time_point start) const {
  // Serialize cookies first: a bad cookie from a handler is a bug, and becomes a 500 like any other.
  std::vector<std::string> set_cookies;
  try {
    for (const auto& cookie : response.cookies)
      set_cookies.push_back(format_set_cookie(cookie, options_.secure_cookies));
  } catch (const std::exception& e) {
    options_.error_log("request_id=" + request.request_id + " bad cookie: " + e.what());
    response = error(request, 500);
    set_cookies.clear();
  }
  response.cookies.clear();
  response.headers.remove("Set-Cookie");
  for (auto& line : set_cookies) response.headers.add("Set-Cookie", std::move(line));

  apply_security_headers(options_.security_headers, response.headers);
  if (!response.headers.has("Cache-Control"))
    response.headers.set("Cache-Control", options_.default_cache_control);
  response.headers.set("X-Request-Id", request.request_id);
  if (request.method == "HEAD") {
    // Same headers as GET, no body (RFC 9110 §9.3.2).
    response.body.clear();
  }

  const auto elapsed =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
  if (options_.access_log) {
    options_.access_log({.method = request.method,
                         .path = request.path,
                         .status = response.status,
                         .bytes = response.body.size(),
                         .duration = elapsed,
                         .request_id = request.request_id});
  }
  return response;
}

}  // namespace heliocloud::web
