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
      {".html", {"text/html; charset=utf-8", false}},
      {".css", {"text/css; charset=utf-8", false}},
      {".js", {"text/javascript; charset=utf-8", false}},
      {".mjs", {"text/javascript; charset=utf-8", false}},
      {".json", {"application/json", false}},
      {".map", {"application/json", false}},
      {".txt", {"text/plain; charset=utf-8", false}},
      {".svg", {"image/svg+xml", false}},
      {".xml", {"application/xml", false}},
      {".png", {"image/png", true}},
      {".jpg", {"image/jpeg", true}},
      {".jpeg", {"image/jpeg", true}},
      {".gif", {"image/gif", true}},
      {".ico", {"image/x-icon", true}},
      {".webp", {"image/webp", true}},
      {".woff", {"font/woff", true}},
      {".woff2", {"font/woff2", true}},
  }};
  for (const auto& known : kKnown) {
    if (path.ends_with(known.extension)) return known.type;
  }
  return {"application/octet-stream", true};
}

}  // namespace heliocloud::web
