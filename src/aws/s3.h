#pragma once
// Amazon S3 (REST-XML): buckets, objects, listing, policies, requester pays, multipart primitives,
// presigning. Bulk and multipart transfers built on these calls are in s3_transfer.h.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aws/client_config.h"
#include "aws/service_client.h"

namespace heliocloud::aws {

struct ObjectInfo {
  std::uint64_t size = 0;
  std::string etag;  // as S3 sends it, quotes included
  std::string content_type;
  std::string last_modified;  // HTTP date as sent
  std::string version_id;
  std::map<std::string, std::string> metadata;  // x-amz-meta-* without the prefix, names lower-case
};

struct ObjectSummary {
  std::string key;
  std::uint64_t size = 0;
  std::string etag;
  std::string last_modified;  // ISO 8601 as sent
  std::string storage_class;
};

struct ByteRange {
  std::uint64_t first = 0;
  std::optional<std::uint64_t> last;  // inclusive; none = to the end
};

struct GetObjectOptions {
  std::optional<ByteRange> range;
  bool requester_pays = false;
  std::optional<std::string> if_match;  // ETag
};

struct GetObjectResult {
  std::string body;
  ObjectInfo info;  // size is the size of the body received
};

struct PutObjectOptions {
  std::string content_type;  // empty: S3's default (binary/octet-stream)
  std::map<std::string, std::string> metadata;
  std::string cache_control;
  bool requester_pays = false;
  bool if_none_match = false;  // create only: fail with ConditionalCheckFailedError if the key exists
};

struct CopyObjectOptions {
  bool requester_pays = false;
  // When set, metadata and content type are replaced instead of copied from the source.
  std::optional<std::string> content_type;
  std::map<std::string, std::string> metadata;
};

struct ListObjectsRequest {
  std::string prefix;
  std::string delimiter;
  std::string continuation_token;
  std::string start_after;
  int max_keys = 1000;
  bool requester_pays = false;
};

struct ListObjectsPage {
  std::vector<ObjectSummary> objects;
  std::vector<std::string> common_prefixes;
  std::string next_continuation_token;
  bool truncated = false;
};

struct DeleteFailure {
  std::string key;
  std::string code;
  std::string message;
};

struct ObjectVersion {
  std::string key;
  std::string version_id;  // "null" for objects written while versioning was off; empty: the current version
  bool delete_marker = false;
};

struct ObjectVersionsPage {
  std::vector<ObjectVersion> versions;  // versions and delete markers alike
  bool truncated = false;
  std::string next_key_marker;
  std::string next_version_id_marker;
};

struct MultipartUpload {
  std::string key;
  std::string upload_id;
  std::string initiated;
};

struct CompletedPart {
  int part_number = 0;
  std::string etag;
};

class S3Client {
 public:
  explicit S3Client(ClientConfig config);

  // Buckets
  void create_bucket(const std::string& bucket) const;  // in the client's region
  void delete_bucket(const std::string& bucket) const;
  void head_bucket(const std::string& bucket,
                   bool requester_pays = false) const;  // NotFoundError / AccessDeniedError
  bool bucket_exists(const std::string& bucket) const;
  std::string get_bucket_location(const std::string& bucket) const;  // "us-east-1" for the empty constraint
  std::string get_bucket_policy(
      const std::string& bucket) const;  // NotFoundError (NoSuchBucketPolicy) if none
  void put_bucket_policy(const std::string& bucket, const std::string& policy_json) const;
  void delete_bucket_policy(const std::string& bucket) const;
  void put_bucket_request_payment(const std::string& bucket, bool requester_pays) const;
  bool get_bucket_requester_pays(const std::string& bucket) const;

  // Objects
  ObjectInfo head_object(const std::string& bucket, const std::string& key,
                         const GetObjectOptions& opts = {}) const;
  GetObjectResult get_object(const std::string& bucket, const std::string& key,
                             const GetObjectOptions& opts = {}) const;
  // Streams the body to `path` (written only once the object answers 2xx; truncated on each retry; removed
  // when the download fails for good).
  ObjectInfo get_object_to_file(const std::string& bucket, const std::string& key,
                                const std::filesystem::path& path, const GetObjectOptions& opts = {}) const;
  std::string put_object(const std::string& bucket, const std::string& key, std::string_view body,
                         const PutObjectOptions& opts = {}) const;  // returns the ETag
  std::string put_object_from_file(const std::string& bucket, const std::string& key,
                                   const std::filesystem::path& path,
                                   const PutObjectOptions& opts = {}) const;
  // Server-side copy of up to 5 GiB (S3's limit for one CopyObject; S3Transfer::copy goes multipart above
  // it).
  std::string copy_object(const std::string& src_bucket, const std::string& src_key,
                          const std::string& dst_bucket, const std::string& dst_key,
                          const CopyObjectOptions& opts = {}) const;
  void delete_object(const std::string& bucket, const std::string& key, bool requester_pays = false) const;
  // Any number of keys, sent in batches of 1000 (the API's limit). Returns the keys S3 could not delete.
  std::vector<DeleteFailure> delete_objects(const std::string& bucket, const std::vector<std::string>& keys,
                                            bool requester_pays = false) const;
  // Deletes these exact versions (delete markers included) permanently, in batches of 1000.
  std::vector<DeleteFailure> delete_object_versions(const std::string& bucket,
                                                    const std::vector<ObjectVersion>& versions) const;

  // Listing
  ListObjectsPage list_objects_v2(const std::string& bucket, const ListObjectsRequest& request) const;
  // One page of every version and delete marker, after the given markers (empty: from the start).
  ObjectVersionsPage list_object_versions(const std::string& bucket, const std::string& key_marker = {},
                                          const std::string& version_id_marker = {},
                                          int max_keys = 1000) const;
  void put_bucket_versioning(const std::string& bucket, bool enabled) const;
  // Every object under prefix, following continuation tokens.
  std::vector<ObjectSummary> list_all_objects(const std::string& bucket, const std::string& prefix = {},
                                              bool requester_pays = false) const;

  // Multipart primitives (parts are 5 MiB..5 GiB except the last; at most 10000 parts).
  std::string create_multipart_upload(const std::string& bucket, const std::string& key,
                                      const PutObjectOptions& opts = {}) const;  // returns the upload id
  std::string upload_part(const std::string& bucket, const std::string& key, const std::string& upload_id,
                          int part_number, std::string_view data, bool requester_pays = false) const;
  std::string upload_part_from_file(const std::string& bucket, const std::string& key,
                                    const std::string& upload_id, int part_number,
                                    const http::FileRange& range, bool requester_pays = false) const;
  std::string upload_part_copy(const std::string& bucket, const std::string& key,
                               const std::string& upload_id, int part_number, const std::string& src_bucket,
                               const std::string& src_key, const ByteRange& range,
                               bool requester_pays = false) const;
  std::string complete_multipart_upload(const std::string& bucket, const std::string& key,
                                        const std::string& upload_id, const std::vector<CompletedPart>& parts,
                                        bool requester_pays = false) const;
  void abort_multipart_upload(const std::string& bucket, const std::string& key, const std::string& upload_id,
                              bool requester_pays = false) const;
  // Uploads begun and neither completed nor aborted (they are billed): for cleanup. First 1000 only.
  std::vector<MultipartUpload> list_multipart_uploads(const std::string& bucket,
                                                      const std::string& prefix = {}) const;

  // A presigned URL for `method` on the object, valid for `expires` (at most 7 days).
  std::string presign(const std::string& method, const std::string& bucket, const std::string& key,
                      std::chrono::seconds expires) const;

  const ServiceClient& service() const noexcept { return client_; }
  const ClientConfig& config() const noexcept { return client_.config(); }

 private:
  ServiceRequest request(std::string operation, std::string method, const std::string& bucket,
                         const std::string& key = {}) const;
  static std::string copy_source(const std::string& bucket, const std::string& key);
  // DeleteObjects for current objects (empty version id) and exact versions alike.
  std::vector<DeleteFailure> delete_entries(const std::string& bucket,
                                            const std::vector<ObjectVersion>& entries,
                                            bool requester_pays) const;

  ServiceClient client_;
};

}  // namespace heliocloud::aws
