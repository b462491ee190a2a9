#pragma once
// Maps method + path to a handler. Patterns are literal segments and {name} parameters, each matching one
// non-empty segment ("/instances/{id}/stop"); parameters are percent-decoded after the path is split, so an
// encoded '/' stays inside its segment. A path that some route knows under another method is a 405 with
// Allow (RFC 9110 §15.5.6), any other a 404. A GET route also answers HEAD.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "web/params.h"
#include "web/request.h"
#include "web/response.h"

namespace heliocloud::web {

using Handler = std::function<Response(const Request&)>;

class Router {
 public:
  // Throws std::invalid_argument for a pattern that does not start with '/', has an empty or unclosed
  // {parameter}, or repeats a method + pattern.
  void add(std::string method, std::string_view pattern, Handler handler);

  struct Match {
    enum class Kind { Found, MethodNotAllowed, NotFound };
    Kind kind = Kind::NotFound;
    const Handler* handler = nullptr;  // Found
    Params path_params;                // Found
    std::vector<std::string> allowed;  // MethodNotAllowed: the methods this path has, for Allow
  };
  [[nodiscard]] Match match(std::string_view method, std::string_view path) const;

 private:
  struct Segment {
    std::string text;  // literal, or the parameter name
    bool parameter = false;
  };
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<Segment> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

// "GET, HEAD, POST": the Allow value for the methods of a path (HEAD added wherever GET is).
[[nodiscard]] std::string allow_header(std::vector<std::string> methods);

}  // namespace heliocloud::web
