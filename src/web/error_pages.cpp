#include "web/error_pages.h"

#include "base/text.h"
#include "web/status.h"

namespace heliocloud::web {
namespace {

std::string standard_message(int status) {
  switch (status) {
    case 400:
      return "The request could not be understood.";
    case 403:
      return "The request was refused. Reload the page and try again.";
    case 404:
      return "There is no page at this address.";
    case 405:
      return "This address does not accept that kind of request.";
    case 413:
      return "The request is too large.";
    case 415:
      return "The request's content type is not supported here.";
    default:
      return status >= 500 ? "Something went wrong on our side. Please try again later."
                           : "The request failed.";
  }
}

// JSON when the client asks for it and not for HTML (fetch() from a page's script, API clients).
bool wants_json(const Request& request) {
  const auto accept = request.headers.get("Accept").value_or("");
  if (accept.find("text/html") != std::string::npos) return false;
  return accept.find("application/json") != std::string::npos || request.media_type() == "application/json";
}

}  // namespace

std::string html_escape(std::string_view text) {
  return base::markup_escape(text);
}

std::string default_error_html(const ErrorPage& page) {
  const auto title = html_escape(page.title);
  return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
         "</title></head>\n<body><h1>" + title + "</h1>\n<p>" + html_escape(page.message) +
         "</p></body></html>\n";
}

Response error_response(const Request& request, int status, std::string_view message,
                        const ErrorPageRenderer& renderer) {
  ErrorPage page{.status = status,
                 .title = std::to_string(status) + " " + std::string(reason_phrase(status)),
                 .message = message.empty() ? standard_message(status) : std::string(message)};
  if (wants_json(request)) return Response::json({{"error", page.message}}, status);
  return Response::html(renderer ? renderer(page) : default_error_html(page), status);
}

}  // namespace heliocloud::web
