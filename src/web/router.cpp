#include "web/router.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "base/percent_encoding.h"
#include "base/text.h"
#include "web/url_encoding.h"

namespace heliocloud::web {
namespace {

// The segments between the slashes of "/a/b": {"a", "b"}; "/" gives {""}.
std::vector<std::string_view> segments_of(std::string_view path) {
  return base::split(path.substr(1), '/');
}

}  // namespace

void Router::add(std::string method, std::string_view pattern, Handler handler) {
  if (!pattern.starts_with('/'))
    throw std::invalid_argument("route '" + std::string(pattern) + "' must start with /");
  Route route{.method = std::move(method),
              .pattern = std::string(pattern),
              .segments = {},
              .handler = std::move(handler)};
  for (const auto piece : segments_of(pattern)) {
    if (piece.starts_with('{')) {
      if (!piece.ends_with('}') || piece.size() < 3)
        throw std::invalid_argument("route '" + route.pattern + "' has a malformed {parameter}");
      route.segments.push_back({.text = std::string(piece.substr(1, piece.size() - 2)), .parameter = true});
    } else {
      if (piece.find_first_of("{}") != std::string_view::npos)
        throw std::invalid_argument("route '" + route.pattern + "': a {parameter} must be a whole segment");
      route.segments.push_back({.text = std::string(piece), .parameter = false});
    }
  }
  for (const auto& r : routes_) {
    if (r.method == route.method && r.pattern == route.pattern)
      throw std::invalid_argument("route " + route.method + " " + route.pattern + " is defined twice");
  }
  routes_.push_back(std::move(route));
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  Match result;
  if (!path.starts_with('/')) return result;
  const auto pieces = segments_of(path);
  for (const auto& route : routes_) {
    if (route.segments.size() != pieces.size()) continue;
    Params params;
    bool matched = true;
    for (std::size_t i = 0; i < pieces.size() && matched; ++i) {
      const auto& segment = route.segments[i];
      if (segment.parameter) {
        matched = !pieces[i].empty();
        if (matched) params.add(segment.text, base::percent_decode(pieces[i], false));
      } else {
        matched = pieces[i] == segment.text;
      }
    }
    if (!matched) continue;
    if (route.method == method || (method == "HEAD" && route.method == "GET")) {
      result.kind = Match::Kind::Found;
      result.handler = &route.handler;
      result.path_params = std::move(params);
      result.allowed.clear();
      return result;
    }
    result.kind = Match::Kind::MethodNotAllowed;
    result.allowed.push_back(route.method);
  }
  return result;
}

std::string allow_header(std::vector<std::string> methods) {
  if (std::ranges::find(methods, "GET") != methods.end()) methods.emplace_back("HEAD");
  std::ranges::sort(methods);
  methods.erase(std::ranges::unique(methods).begin(), methods.end());
  std::string out;
  for (const auto& m : methods) {
    if (!out.empty()) out += ", ";
    out += m;
  }
  return out;
}

}  // namespace heliocloud::web
