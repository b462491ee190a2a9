#pragma once
// Just enough of a browser for the sign-in flows: a cookie jar fed by Set-Cookie lines (Max-Age=0 deletes),
// and URL pieces (the query of a Location).
#include <map>
#include <string>
#include <vector>

#include "base/percent_encoding.h"
#include "base/text.h"
#include "web/params.h"
#include "web/url_encoding.h"

namespace heliocloud::web::sign_in::testing {

struct Browser {
  std::map<std::string, std::string> jar;

  void take(const std::vector<std::string>& set_cookie_lines) {
    for (const auto& line : set_cookie_lines) {
      const auto pair = line.substr(0, line.find(';'));
      const auto eq = pair.find('=');
      const std::string name = pair.substr(0, eq);
      if (line.find("; Max-Age=0;") != std::string::npos) {
        jar.erase(name);
      } else {
        jar[name] = pair.substr(eq + 1);
      }
    }
  }
  [[nodiscard]] std::string cookie_header() const {
    std::string out;
    for (const auto& [name, value] : jar) out += (out.empty() ? "" : "; ") + name + "=" + value;
    return out;
  }
  [[nodiscard]] bool has_session() const { return jar.contains("hc_session_0"); }
};

// The decoded query of a URL ("https://x/a?b=1&c=%2F" → {b:1, c:/}).
inline Params query_of(const std::string& url) {
  const auto q = url.find('?');
  return q == std::string::npos ? Params{} : parse_urlencoded(std::string_view(url).substr(q + 1));
}

// "http://127.0.0.1:5/oauth2/authorize?x" → "/oauth2/authorize?x"
inline std::string target_of(const std::string& url) {
  const auto start = url.find("://");
  const auto slash = url.find('/', start == std::string::npos ? 0 : start + 3);
  return slash == std::string::npos ? "/" : url.substr(slash);
}

// The URL with one query parameter's value replaced.
inline std::string with_param(const std::string& url, const std::string& name, const std::string& value) {
  const auto q = url.find('?');
  std::string out = url.substr(0, q) + "?";
  bool first = true;
  const Params params = query_of(url);
  for (const auto& [n, v] : params.entries()) {
    out += (first ? "" : "&") + base::percent_encode(n) + "=" + base::percent_encode(n == name ? value : v);
    first = false;
  }
  return out;
}

}  // namespace heliocloud::web::sign_in::testing
