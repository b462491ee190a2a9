#pragma once
// One HTTP request as the handlers see it, whichever front door (local server, ALB → Lambda) it came through.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "web/headers.h"
#include "web/params.h"

namespace heliocloud::web {

struct Request {
  std::string method;  // upper case, as sent: "GET"
  std::string path;    // percent-encoded as received, without the query string: "/instances/i-0a%2Fb/stop"
  Params query;        // decoded
  Headers headers;
  std::string body;  // the bytes (a front door has undone any transfer encoding, e.g. ALB's base64)

  // Filled by the App before the handler runs:
  Params cookies;          // from the Cookie header
  Params path_params;      // {id} of the matched route, decoded
  std::string request_id;  // in the access log and the X-Request-Id header
  std::string csrf_token;  // for this browser session: put it in every form (csrf_token) or X-CSRF-Token

  // The body as an application/x-www-form-urlencoded form (empty unless the Content-Type says so).
  [[nodiscard]] Params form() const;
  // The body as JSON. Throws HttpError(400) when the Content-Type is not JSON or the body does not parse,
  // so that a handler need not turn a client's mistake into a 500.
  [[nodiscard]] nlohmann::json json() const;
  // The media type of Content-Type without parameters, lower case: "application/json".
  [[nodiscard]] std::string media_type() const;
};

}  // namespace heliocloud::web
