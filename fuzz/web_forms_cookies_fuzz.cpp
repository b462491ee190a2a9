// What browsers send in query strings, form bodies and Cookie headers, and the Set-Cookie lines we write:
// parsing never throws; a cookie either is refused with std::invalid_argument or reads back unchanged.
// Input: "name\x1fvalue\x1f" then text parsed as a query string and as a Cookie header.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "fuzz_support.h"
#include "web/cookies.h"
#include "web/url_encoding.h"

using heliocloud::fuzz::require;
namespace web = heliocloud::web;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = heliocloud::fuzz::as_text(data, size);
  const auto name = heliocloud::fuzz::take_until(text, '\x1f');
  const auto value = heliocloud::fuzz::take_until(text, '\x1f');

  // WHATWG: every non-empty piece is a pair, "=" included (an empty name and value).
  const auto query = web::parse_urlencoded(text);
  require(query.entries().size() <= text.size(), "at most one pair per byte");
  (void)web::parse_cookie_header(text);

  std::string line;
  try {
    line = web::format_set_cookie({.name = std::string(name), .value = std::string(value)}, true);
  } catch (const std::invalid_argument& e) {
    require(!std::string_view(e.what()).empty(), "a refused cookie says why");
    return 0;
  }
  require(line.find_first_of("\r\n") == std::string::npos, "a Set-Cookie line cannot split the header", line);
  const auto semicolon = line.find(';');
  const auto cookies = web::parse_cookie_header(line.substr(0, semicolon));
  auto unquoted = std::string(value);
  if (unquoted.size() >= 2 && unquoted.front() == '"' && unquoted.back() == '"')
    unquoted = unquoted.substr(1, unquoted.size() - 2);
  require(cookies.get(std::string(name)) == unquoted, "a cookie we write reads back with its value", line);
  return 0;
}
