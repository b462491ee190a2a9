#include "web/content_type.h"

#include <array>
#include <utility>

namespace heliocloud::web {

ContentType content_type_for(std::string_view path) noexcept {
  struct Known {
    std::string_view extension;
    ContentType type;
  };
  static constexpr std::array<Known, 17> kKnown = {{
      {.extension = ".html", .type = {.value = "text/html; charset=utf-8", .binary = false}},
      {.extension = ".css", .type = {.value = "text/css; charset=utf-8", .binary = false}},
      {.extension = ".js", .type = {.value = "text/javascript; charset=utf-8", .binary = false}},
      {.extension = ".mjs", .type = {.value = "text/javascript; charset=utf-8", .binary = false}},
      {.extension = ".json", .type = {.value = "application/json", .binary = false}},
      {.extension = ".map", .type = {.value = "application/json", .binary = false}},
      {.extension = ".txt", .type = {.value = "text/plain; charset=utf-8", .binary = false}},
      {.extension = ".svg", .type = {.value = "image/svg+xml", .binary = false}},
      {.extension = ".xml", .type = {.value = "application/xml", .binary = false}},
      {.extension = ".png", .type = {.value = "image/png", .binary = true}},
      {.extension = ".jpg", .type = {.value = "image/jpeg", .binary = true}},
      {.extension = ".jpeg", .type = {.value = "image/jpeg", .binary = true}},
      {.extension = ".gif", .type = {.value = "image/gif", .binary = true}},
      {.extension = ".ico", .type = {.value = "image/x-icon", .binary = true}},
      {.extension = ".webp", .type = {.value = "image/webp", .binary = true}},
      {.extension = ".woff", .type = {.value = "font/woff", .binary = true}},
      {.extension = ".woff2", .type = {.value = "font/woff2", .binary = true}},
  }};
  for (const auto& known : kKnown) {
    if (path.ends_with(known.extension)) return known.type;
  }
  return {.value = "application/octet-stream", .binary = true};
}

}  // namespace heliocloud::web
