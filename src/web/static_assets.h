#pragma once
// Serves embedded files under a URL prefix with validators and caching: a strong ETag (SHA-256 of the bytes,
// computed once at start-up), If-None-Match → 304 (RFC 9110 §13.1.2), and Cache-Control by name: a file whose
// name carries a content fingerprint ("app.3f2a9c1b.css": a dot-separated run of 8+ hex digits) never changes
// under that name, so browsers may keep it a year without asking; any other name is revalidated soon.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/embedded_file.h"
#include "web/request.h"
#include "web/response.h"

namespace heliocloud::web {

struct StaticAssetsOptions {
  std::string immutable_cache_control = "public, max-age=31536000, immutable";
  std::string short_cache_control = "public, max-age=300";
};

class StaticAssets {
 public:
  // `files`: the embedded folder; `strip`: the leading part of their paths that is not in URLs ("static/").
  StaticAssets(base::EmbeddedFiles files, std::string_view strip = {}, StaticAssetsOptions options = {});

  // The response for `name` (URL path below the mount point, still percent-encoded), or nullopt when there
  // is no such file.
  [[nodiscard]] std::optional<Response> serve(std::string_view name, const Request& request) const;

 private:
  struct Asset {
    std::string name;
    std::string_view content;
    std::string etag;
    bool fingerprinted = false;
  };
  std::vector<Asset> assets_;
  StaticAssetsOptions options_;
};

// True for names like "app.3f2a9c1b.css" or "logo.0123456789abcdef.png".
[[nodiscard]] bool is_fingerprinted(std::string_view name) noexcept;
// If-None-Match matches `etag` (weak comparison, as §13.1.2 asks for this header; "*" matches anything).
[[nodiscard]] bool if_none_match_matches(std::string_view header, std::string_view etag);

}  // namespace heliocloud::web
