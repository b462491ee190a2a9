#include "web/static_assets.h"

#include "base/digest.h"
#include "base/percent_encoding.h"
#include "base/text.h"
#include "web/content_type.h"
#include "web/url_encoding.h"

namespace heliocloud::web {
namespace {

bool is_hex(std::string_view s) noexcept {
  for (const char c : s) {
    if ((c < '0' || c > '9') && (c < 'a' || c > 'f') && (c < 'A' || c > 'F')) return false;
  }
  return true;
}

}  // namespace

bool is_fingerprinted(std::string_view name) noexcept {
  const auto slash = name.rfind('/');
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  const auto pieces = base::split(name, '.');
  // The first piece is the stem and the last the extension; a fingerprint is a piece in between.
  for (std::size_t i = 1; i + 1 < pieces.size(); ++i) {
    if (pieces[i].size() >= 8 && is_hex(pieces[i])) return true;
  }
  return false;
}

bool if_none_match_matches(std::string_view header, std::string_view etag) {
  const auto opaque = [](std::string_view tag) {
    tag = base::trim(tag);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    return tag;
  };
  for (const auto candidate : base::split(header, ',')) {
    const auto tag = base::trim(candidate);
    if (tag == "*" || (!tag.empty() && opaque(tag) == opaque(etag))) return true;
  }
  return false;
}

StaticAssets::StaticAssets(base::EmbeddedFiles files, std::string_view strip, StaticAssetsOptions options)
    : options_(std::move(options)) {
  for (const auto& file : files) {
    if (!file.path.starts_with(strip)) continue;
    const auto name = file.path.substr(strip.size());
    assets_.push_back({.name = std::string(name),
                       .content = file.content,
                       .etag = "\"" + base::sha256_hex(file.content) + "\"",
                       .fingerprinted = is_fingerprinted(name)});
  }
}

std::optional<Response> StaticAssets::serve(std::string_view name, const Request& request) const {
  const std::string decoded = base::percent_decode(name, false);
  for (const auto& asset : assets_) {
    if (asset.name != decoded) continue;
    Response r;
    r.headers.set("ETag", asset.etag);
    r.headers.set("Cache-Control",
                  asset.fingerprinted ? options_.immutable_cache_control : options_.short_cache_control);
    if (const auto inm = request.headers.get("If-None-Match");
        inm && if_none_match_matches(*inm, asset.etag)) {
      r.status = 304;
      return r;
    }
    const auto type = content_type_for(asset.name);
    r.headers.set("Content-Type", std::string(type.value));
    r.body = std::string(asset.content);
    r.binary = type.binary;
    return r;
  }
  return std::nullopt;
}

}  // namespace heliocloud::web
