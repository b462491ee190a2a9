#include "web/cookies.h"

#include <stdexcept>

#include "base/text.h"

namespace heliocloud::web {
namespace {

// RFC 7230 §3.2.6 tchar.
bool is_token_char(char c) noexcept {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// RFC 6265 §4.1.1 cookie-octet: visible ASCII except DQUOTE, comma, semicolon and backslash.
bool is_cookie_octet(char c) noexcept {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x21 && u <= 0x7E && c != '"' && c != ',' && c != ';' && c != '\\';
}

const char* same_site_name(SameSite s) noexcept {
  switch (s) {
    case SameSite::Strict:
      return "Strict";
    case SameSite::None:
      return "None";
    case SameSite::Lax:
      break;
  }
  return "Lax";
}

}  // namespace

SetCookie expired_cookie(std::string name, std::string path) {
  return {.name = std::move(name), .value = "", .max_age = std::chrono::seconds{0}, .path = std::move(path)};
}

std::string format_set_cookie(const SetCookie& cookie, bool secure) {
  if (cookie.name.empty()) throw std::invalid_argument("cookie name is empty");
  for (const char c : cookie.name) {
    if (!is_token_char(c)) throw std::invalid_argument("cookie name '" + cookie.name + "' is not a token");
  }
  for (const char c : cookie.value) {
    if (!is_cookie_octet(c))
      throw std::invalid_argument("cookie '" + cookie.name + "' has a value character outside cookie-octet");
  }
  for (const char c : cookie.path) {
    if (c == ';' || static_cast<unsigned char>(c) < 0x20) throw std::invalid_argument("bad cookie path");
  }
  std::string out = cookie.name + "=" + cookie.value;
  if (cookie.max_age) out += "; Max-Age=" + std::to_string(cookie.max_age->count());
  out += "; Path=" + cookie.path;
  if (cookie.http_only) out += "; HttpOnly";
  // SameSite=None is only honoured with Secure; with it off the browser would reject the cookie anyway.
  if (secure || cookie.same_site == SameSite::None) out += "; Secure";
  out += "; SameSite=";
  out += same_site_name(cookie.same_site);
  return out;
}

Params parse_cookie_header(std::string_view header) {
  Params cookies;
  for (const auto piece : base::split(header, ';')) {
    const auto pair = base::trim(piece, base::kBlanks);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    auto value = base::trim(pair.substr(eq + 1), base::kBlanks);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    cookies.add(std::string(base::trim(pair.substr(0, eq), base::kBlanks)), std::string(value));
  }
  return cookies;
}

}  // namespace heliocloud::web
