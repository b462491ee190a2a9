#pragma once
// ObjectFetcher: how the reader gets catalog.json, index files and data files by their absolute address.
// s3:// goes through the registry's ObjectStore (S3 with the project's AWS client, or a directory of
// buckets), http(s):// through a plain GET, as the reference client does (cloudcatalog.md §5.1).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "aws/client_config.h"
#include "aws/s3.h"
#include "http/client.h"
#include "registry/aws/s3_object_store.h"
#include "registry/object_store.h"

namespace heliocloud::cloudcatalog {

class ObjectFetcher {
 public:
  virtual ~ObjectFetcher() = default;
  // The object's bytes, nullopt when it does not exist. Throws CatalogError naming the address when it
  // cannot be read (access denied, unreachable).
  [[nodiscard]] virtual std::optional<std::string> fetch(const std::string& uri) = 0;
};

// s3:// through `store`; http(s):// through `http` (made on first use when null).
class StoreFetcher : public ObjectFetcher {
 public:
  explicit StoreFetcher(registry::ObjectStore& store, std::shared_ptr<http::Client> http = nullptr)
      : store_(store), http_(std::move(http)) {}
  [[nodiscard]] std::optional<std::string> fetch(const std::string& uri) override;

 private:
  registry::ObjectStore& store_;
  std::shared_ptr<http::Client> http_;
};

// How to reach S3: the client configuration (region, endpoint such as AWS_ENDPOINT_URL for the emulator,
// credentials) and whether to send requests unsigned, as anyone may for a public bucket.
struct S3Access {
  aws::ClientConfig config;
  bool anonymous = false;
};

// A StoreFetcher that owns its S3 client.
class S3Fetcher final : public ObjectFetcher {
 public:
  explicit S3Fetcher(S3Access access);
  [[nodiscard]] std::optional<std::string> fetch(const std::string& uri) override;
  [[nodiscard]] const aws::S3Client& s3() const noexcept { return s3_; }

 private:
  aws::S3Client s3_;
  registry::S3ObjectStore store_;
  StoreFetcher fetcher_;
};

}  // namespace heliocloud::cloudcatalog
