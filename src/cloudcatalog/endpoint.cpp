#include "cloudcatalog/endpoint.h"

#include "base/percent_encoding.h"
#include "cloudcatalog/errors.h"
#include "registry/key.h"

namespace heliocloud::cloudcatalog {
namespace {

constexpr std::string_view kS3Scheme = "s3://";

[[noreturn]] void bad_endpoint(std::string_view text, const std::string& why) {
  throw CatalogError("catalog endpoint \"" + std::string(text) + "\": " + why +
                     "; give s3://BUCKET/ (a dataset bucket's root) or an https://HOST/PATH/ address");
}

}  // namespace

bool is_s3_uri(std::string_view uri) {
  return uri.starts_with(kS3Scheme);
}

bool is_http_uri(std::string_view uri) {
  return uri.starts_with("https://") || uri.starts_with("http://");
}

CatalogEndpoint parse_endpoint(std::string_view text) {
  if (text.empty()) bad_endpoint(text, "empty");
  if (is_http_uri(text)) {
    const auto host_start = text.find("://") + 3;
    if (host_start >= text.size() || text[host_start] == '/') bad_endpoint(text, "no host");
    std::string base(text);
    if (base.ends_with("/catalog.json")) base.resize(base.size() - std::string_view("catalog.json").size());
    if (!base.ends_with('/')) base += '/';
    return {base};
  }
  std::string_view rest = text;
  if (is_s3_uri(text))
    rest.remove_prefix(kS3Scheme.size());
  else if (text.find(':') != std::string_view::npos)
    bad_endpoint(text, "unknown scheme");
  while (rest.ends_with('/')) rest.remove_suffix(1);
  if (rest.ends_with("/catalog.json")) rest.remove_suffix(std::string_view("/catalog.json").size());
  if (rest.find('/') != std::string_view::npos)
    bad_endpoint(text, "catalog.json is at the root of a bucket, not in a folder");
  if (!registry::is_valid_bucket_name(rest))
    bad_endpoint(text, "\"" + std::string(rest) + "\" is not a bucket name");
  return {std::string(kS3Scheme) + std::string(rest) + "/"};
}

S3Address split_s3_uri(std::string_view uri) {
  if (!is_s3_uri(uri)) throw CatalogError("\"" + std::string(uri) + "\" is not an s3://bucket/key address");
  const std::string_view rest = uri.substr(kS3Scheme.size());
  const auto slash = rest.find('/');
  if (slash == 0 || slash == std::string_view::npos)
    throw CatalogError("\"" + std::string(uri) + "\" names no bucket and key (s3://bucket/key)");
  return {.bucket = std::string(rest.substr(0, slash)), .key = std::string(rest.substr(slash + 1))};
}

std::string public_url(std::string_view uri) {
  if (!is_s3_uri(uri)) return std::string(uri);
  const auto address = split_s3_uri(uri);
  const std::string key = base::percent_encode(address.key, true);
  // A dotted bucket name does not match the wildcard certificate of the virtual-host form: path style.
  if (address.bucket.find('.') != std::string::npos)
    return "https://s3.amazonaws.com/" + address.bucket + "/" + key;
  return "https://" + address.bucket + ".s3.amazonaws.com/" + key;
}

}  // namespace heliocloud::cloudcatalog
