#pragma once
// Error responses with their real status (never a 200 error page, webapps doc §9.12): HTML for browsers,
// {"error": "..."} for clients that ask for JSON. The message is public text (a reason phrase or an
// HttpError's message), always escaped; exception details never get here.
#include <functional>
#include <string>
#include <string_view>

#include "web/request.h"
#include "web/response.h"

namespace heliocloud::web {

struct ErrorPage {
  int status = 500;
  std::string title;    // "404 Not Found"
  std::string message;  // for the user
};

// How an app draws its error pages (e.g. with its layout); the default is a small self-contained page.
using ErrorPageRenderer = std::function<std::string(const ErrorPage&)>;

[[nodiscard]] std::string default_error_html(const ErrorPage& page);

// The error response for `request`. `message` empty: a standard text for the status.
[[nodiscard]] Response error_response(const Request& request, int status, std::string_view message,
                                      const ErrorPageRenderer& renderer);

// HTML-escapes & < > " ' (for text built outside templates).
[[nodiscard]] std::string html_escape(std::string_view text);

}  // namespace heliocloud::web
