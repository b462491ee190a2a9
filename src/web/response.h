#pragma once
// One HTTP response as a handler builds it. Cookies are kept as values, not header lines, so that the App
// adds the attributes (Secure) it alone decides; everything else a handler may set in `headers`.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "web/cookies.h"
#include "web/headers.h"

namespace heliocloud::web {

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  bool binary = false;  // bytes, not text: the ALB front door base64-encodes such bodies
  std::vector<SetCookie> cookies;

  [[nodiscard]] static Response html(std::string body, int status = 200);
  [[nodiscard]] static Response text(std::string body, int status = 200);
  [[nodiscard]] static Response json(const nlohmann::json& body, int status = 200);
  [[nodiscard]] static Response bytes(std::string body, std::string content_type, int status = 200);
  // 303 See Other: the answer to a successful POST, so that reloading the next page does not post again.
  [[nodiscard]] static Response see_other(std::string location);
  // 302 Found: for GETs that send the browser elsewhere (a sign-in page).
  [[nodiscard]] static Response found(std::string location);

  void set_cookie(SetCookie cookie) { cookies.push_back(std::move(cookie)); }
};

}  // namespace heliocloud::web
