#include "web/response.h"

namespace heliocloud::web {
namespace {

Response with_type(std::string body, std::string content_type, int status) {
  Response r;
  r.status = status;
  r.headers.set("Content-Type", std::move(content_type));
  r.body = std::move(body);
  return r;
}

Response redirect(std::string location, int status) {
  Response r;
  r.status = status;
  r.headers.set("Location", std::move(location));
  return r;
}

}  // namespace

Response Response::html(std::string body, int status) {
  return with_type(std::move(body), "text/html; charset=utf-8", status);
}

Response Response::text(std::string body, int status) {
  return with_type(std::move(body), "text/plain; charset=utf-8", status);
}

Response Response::json(const nlohmann::json& body, int status) {
  // Replace, not throw, on invalid UTF-8 in a string: a response must not become a 500 for one bad byte.
  return with_type(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json",
                   status);
}

Response Response::bytes(std::string body, std::string content_type, int status) {
  Response r = with_type(std::move(body), std::move(content_type), status);
  r.binary = true;
  return r;
}

Response Response::see_other(std::string location) {
  return redirect(std::move(location), 303);
}

Response Response::found(std::string location) {
  return redirect(std::move(location), 302);
}

}  // namespace heliocloud::web
