#pragma once
// Content-Type by file extension for embedded assets, and whether such a body is text (sent as is through the
// ALB) or bytes (base64).
#include <string_view>

namespace heliocloud::web {

struct ContentType {
  std::string_view value;  // "text/css; charset=utf-8"
  bool binary = false;
};

// Unknown extensions are application/octet-stream, binary: with nosniff, a browser will not run them.
[[nodiscard]] ContentType content_type_for(std::string_view path) noexcept;

}  // namespace heliocloud::web
