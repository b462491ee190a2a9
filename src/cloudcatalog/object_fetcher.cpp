#include "cloudcatalog/object_fetcher.h"

#include "aws/credentials.h"
#include "cloudcatalog/endpoint.h"
#include "cloudcatalog/errors.h"
#include "http/transport_error.h"

namespace heliocloud::cloudcatalog {
namespace {

aws::ClientConfig with_access(S3Access access) {
  if (access.anonymous) access.config.credentials = std::make_shared<aws::AnonymousCredentialsProvider>();
  return std::move(access.config);
}

}  // namespace

std::optional<std::string> StoreFetcher::fetch(const std::string& uri) {
  if (is_s3_uri(uri)) {
    const auto address = split_s3_uri(uri);
    try {
      return store_.get(address.bucket, address.key);
    } catch (const registry::StoreError& e) {
      throw CatalogAccessError(uri + ": cannot be read: " + e.what());
    }
  }
  if (!is_http_uri(uri)) throw CatalogError("\"" + uri + "\" is neither an s3:// nor an http(s):// address");
  if (!http_) http_ = std::make_shared<http::Client>();
  http::Request request;
  request.url = uri;
  http::Response response;
  try {
    response = http_->send(request, http::Timeouts{.connect = std::chrono::seconds(5),
                                                   .total = std::chrono::seconds(60),
                                                   .stall = std::chrono::seconds(30)});
  } catch (const http::TransportError& e) {
    throw CatalogAccessError(uri + ": cannot be reached: " + e.what());
  }
  if (response.status == 404) return std::nullopt;
  if (response.status < 200 || response.status >= 300)
    throw CatalogAccessError(uri + ": the server answered HTTP " + std::to_string(response.status));
  return std::move(response.body);
}

S3Fetcher::S3Fetcher(S3Access access)
    : s3_(with_access(std::move(access))), store_(s3_), fetcher_(store_, s3_.config().http) {}

std::optional<std::string> S3Fetcher::fetch(const std::string& uri) {
  return fetcher_.fetch(uri);
}

}  // namespace heliocloud::cloudcatalog
