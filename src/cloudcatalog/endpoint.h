#pragma once
// Where a CloudCatalog lives and how its objects are named: `s3://bucket/` or an `http(s)://host/prefix/`
// base, with catalog.json at its root (cloudcatalog.md §1). Index and data addresses in a catalog are
// absolute URIs of the same two kinds.
#include <string>
#include <string_view>

namespace heliocloud::cloudcatalog {

struct CatalogEndpoint {
  std::string base;  // "s3://bucket/" or "https://host/prefix/", always ending '/'

  [[nodiscard]] std::string catalog_uri() const { return base + "catalog.json"; }
};

// Accepts "s3://bucket", "s3://bucket/", "http(s)://host[:port][/prefix][/]" and a bare bucket name.
// Throws CatalogError naming the text and the accepted forms; a sub-folder of a bucket is refused (the spec
// keeps catalog.json at the bucket root).
[[nodiscard]] CatalogEndpoint parse_endpoint(std::string_view text);

// An object address split for S3: "s3://b/k/x.csv" -> {"b", "k/x.csv"}.
struct S3Address {
  std::string bucket;
  std::string key;
};

[[nodiscard]] bool is_s3_uri(std::string_view uri);
[[nodiscard]] bool is_http_uri(std::string_view uri);
// Throws CatalogError when `uri` is not s3://bucket/key.
[[nodiscard]] S3Address split_s3_uri(std::string_view uri);

// The public https address of an S3 object ("https://bucket.s3.amazonaws.com/key", key percent-encoded per
// segment), what a browser can open for a public bucket; an http(s) address is returned as it is.
[[nodiscard]] std::string public_url(std::string_view uri);

}  // namespace heliocloud::cloudcatalog
