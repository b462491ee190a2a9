#pragma once
// S3ObjectStore: the registry's ObjectStore on Amazon S3 or any S3 endpoint (moto, MinIO), over the project's
// AWS client. Server-side copies above 5 GiB go multipart (S3Transfer), as S3 requires.
#include "aws/s3.h"
#include "aws/s3_transfer.h"
#include "registry/object_store.h"

namespace heliocloud::registry {

class S3ObjectStore final : public ObjectStore {
 public:
  explicit S3ObjectStore(const aws::S3Client& client);

  [[nodiscard]] bool bucket_exists(const std::string& bucket) override;
  [[nodiscard]] std::vector<ObjectInfo> list(const std::string& bucket, const std::string& prefix) override;
  [[nodiscard]] std::optional<ObjectInfo> head(const std::string& bucket, const std::string& key) override;
  [[nodiscard]] std::optional<std::string> get(const std::string& bucket, const std::string& key) override;
  [[nodiscard]] std::optional<ObjectRange> get_range(const std::string& bucket, const std::string& key,
                                                     std::uint64_t first, std::uint64_t length,
                                                     const std::string& if_version) override;
  void list_pages(const std::string& bucket, const std::string& prefix,
                  const std::function<void(std::vector<ObjectInfo>& page)>& page) override;
  void put(const std::string& bucket, const std::string& key, std::string_view body,
           const std::string& content_type) override;
  void copy(const std::string& src_bucket, const std::string& src_key, const std::string& dst_bucket,
            const std::string& dst_key) override;
  void remove(const std::string& bucket, const std::string& key) override;
  [[nodiscard]] std::vector<RemoveFailure> remove_many(const std::string& bucket,
                                                       const std::vector<std::string>& keys) override;

 private:
  const aws::S3Client& client_;
  aws::S3Transfer transfer_;
};

}  // namespace heliocloud::registry
