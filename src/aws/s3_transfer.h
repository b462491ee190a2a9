#pragma once
// Transfers built from the S3 primitives: multipart upload with parallel parts, server-side copy that goes
// multipart (UploadPartCopy) above the single-copy limit, and bulk put/copy/delete with bounded concurrency.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "aws/s3.h"
#include "base/parallel_for.h"

namespace heliocloud::aws {

struct TransferConfig {
  std::uint64_t multipart_threshold = 64ULL << 20;  // uploads of this size or more go multipart
  std::uint64_t part_size = 16ULL << 20;            // S3 minimum is 5 MiB (except the last part)
  std::uint64_t copy_threshold = 5ULL << 30;        // S3 refuses a single CopyObject above 5 GiB
  std::uint64_t copy_part_size = 512ULL << 20;
  std::size_t concurrency = 0;  // 0: the client's ClientConfig::max_concurrency
};

struct BulkPut {
  std::string key;
  std::string_view body;       // borrowed; used when file is empty
  std::filesystem::path file;  // uploaded with upload_file when set
  PutObjectOptions options;
};

struct BulkCopy {
  std::string src_bucket;
  std::string src_key;
  std::string dst_bucket;
  std::string dst_key;
  CopyObjectOptions options;
};

class S3Transfer {
 public:
  explicit S3Transfer(const S3Client& client, TransferConfig config = {});

  // A file of any size: one PutObject below the threshold, else a multipart upload with parallel parts.
  // A failed multipart upload is aborted so that no parts are left billed. Returns the ETag.
  std::string upload_file(const std::filesystem::path& path, const std::string& bucket,
                          const std::string& key, const PutObjectOptions& opts = {}) const;
  // The same for a buffer in memory.
  std::string upload_buffer(std::string_view data, const std::string& bucket, const std::string& key,
                            const PutObjectOptions& opts = {}) const;
  // Server-side copy of any size (HeadObject first to learn it). Metadata and content type are carried
  // over in the multipart case too, as CopyObject would.
  std::string copy(const std::string& src_bucket, const std::string& src_key, const std::string& dst_bucket,
                   const std::string& dst_key, const CopyObjectOptions& opts = {}) const;
  void download_file(const std::string& bucket, const std::string& key, const std::filesystem::path& path,
                     const GetObjectOptions& opts = {}) const;

  // Bulk: each item independently; failures are returned by index, successes are not repeated.
  std::vector<base::TaskFailure> put_objects(const std::string& bucket, const std::vector<BulkPut>& items,
                                             std::size_t concurrency = 0) const;
  std::vector<base::TaskFailure> copy_objects(const std::vector<BulkCopy>& items,
                                              std::size_t concurrency = 0) const;
  // Deletes every object under prefix (list, then DeleteObjects batches in parallel). Returns what failed.
  std::vector<DeleteFailure> delete_prefix(const std::string& bucket, const std::string& prefix,
                                           bool requester_pays = false, std::size_t concurrency = 0) const;

  const TransferConfig& config() const noexcept { return config_; }

 private:
  std::size_t concurrency(std::size_t requested) const;
  template <class UploadPart>
  std::string multipart(const std::string& bucket, const std::string& key, const PutObjectOptions& opts,
                        std::uint64_t size, std::uint64_t part_size, UploadPart&& upload_part) const;

  const S3Client& client_;
  TransferConfig config_;
};

}  // namespace heliocloud::aws
