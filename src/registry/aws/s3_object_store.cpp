#include "registry/aws/s3_object_store.h"

#include "registry/aws/aws_errors.h"

namespace heliocloud::registry {

namespace {
std::string uri(const std::string& bucket, const std::string& key) {
  return "s3://" + bucket + "/" + key;
}
}  // namespace

S3ObjectStore::S3ObjectStore(const aws::S3Client& client) : client_(client), transfer_(client) {}

bool S3ObjectStore::bucket_exists(const std::string& bucket) {
  try {
    return client_.bucket_exists(bucket);
  } catch (const aws::AwsError& e) {
    throw_store_error(e, "checking bucket " + bucket);
  }
}

std::vector<ObjectInfo> S3ObjectStore::list(const std::string& bucket, const std::string& prefix) {
  try {
    std::vector<ObjectInfo> out;
    for (auto& o : client_.list_all_objects(bucket, prefix))
      out.push_back({.key = std::move(o.key), .size = o.size});
    return out;
  } catch (const aws::AwsError& e) {
    throw_store_error(e, "listing " + uri(bucket, prefix));
  }
}

void S3ObjectStore::list_pages(const std::string& bucket, const std::string& prefix,
                               const std::function<void(std::vector<ObjectInfo>& page)>& page) {
  try {
    aws::ListObjectsRequest request;
    request.prefix = prefix;
    std::vector<ObjectInfo> objects;
    for (;;) {
      auto listed = client_.list_objects_v2(bucket, request);
      objects.clear();
      for (auto& o : listed.objects) objects.push_back({.key = std::move(o.key), .size = o.size});
      page(objects);
      if (!listed.truncated) break;
      if (listed.next_continuation_token.empty())
        throw StoreError("listing " + uri(bucket, prefix) +
                         ": a truncated page without a continuation token");
      request.continuation_token = std::move(listed.next_continuation_token);
    }
  } catch (const aws::AwsError& e) {
    throw_store_error(e, "listing " + uri(bucket, prefix));
  }
}

std::optional<ObjectInfo> S3ObjectStore::head(const std::string& bucket, const std::string& key) {
  try {
    return ObjectInfo{.key = key, .size = client_.head_object(bucket, key).size};
  } catch (const aws::NotFoundError&) {
    return std::nullopt;
  } catch (const aws::AwsError& e) {
    throw_store_error(e, "HEAD " + uri(bucket, key));
  }
}

std::optional<std::string> S3ObjectStore::get(const std::string& bucket, const std::string& key) {
  try {
    return client_.get_object(bucket, key).body;
  } catch (const aws::NotFoundError&) {
    return std::nullopt;
  } catch (const aws::AwsError& e) {
    throw_store_error(e, "GET " + uri(bucket, key));
  }
}

std::optional<ObjectRange> S3ObjectStore::get_range(const std::string& bucket, const std::string& key,
                                                    std::uint64_t first, std::uint64_t length,
                                                    const std::string& if_version) {
  if (length == 0) throw StoreError("GET " + uri(bucket, key) + ": an empty range");
  aws::GetObjectOptions options;
  options.range = aws::ByteRange{.first = first, .last = first + length - 1};
  if (!if_version.empty()) options.if_match = if_version;
  try {
    auto got = client_.get_object(bucket, key, options);
    return ObjectRange{.body = std::move(got.body), .version = std::move(got.info.etag)};
  } catch (const aws::NotFoundError&) {
    return std::nullopt;
  } catch (const aws::ConditionalCheckFailedError&) {
    throw StoreError(uri(bucket, key) + " was replaced while it was being read; run the job again");
  } catch (const aws::AwsError& e) {
    // S3 answers a range that starts at or past the end (any range of an empty object) with 416.
    if (e.code() == "InvalidRange") return ObjectRange{.body = {}, .version = if_version};
    throw_store_error(e, "GET " + uri(bucket, key));
  }
}

void S3ObjectStore::put(const std::string& bucket, const std::string& key, std::string_view body,
                        const std::string& content_type) {
  try {
    aws::PutObjectOptions options;
    options.content_type = content_type;
    client_.put_object(bucket, key, body, options);
  } catch (const aws::AwsError& e) {
    throw_store_error(e, "PUT " + uri(bucket, key));
  }
}

void S3ObjectStore::copy(const std::string& src_bucket, const std::string& src_key,
                         const std::string& dst_bucket, const std::string& dst_key) {
  try {
    try {
      // Nearly every data file is under the 5 GiB CopyObject limit: copy without the HeadObject that choosing
      // between single and multipart needs (one request per file instead of two).
      client_.copy_object(src_bucket, src_key, dst_bucket, dst_key);
    } catch (const aws::AwsError& e) {
      // "The specified copy source is larger than the maximum allowable size": S3Transfer heads the source
      // and goes multipart (UploadPartCopy).
      if (e.code() != "InvalidRequest") throw;
      transfer_.copy(src_bucket, src_key, dst_bucket, dst_key);
    }
  } catch (const aws::AwsError& e) {
    throw_store_error(e, "copying " + uri(src_bucket, src_key) + " to " + uri(dst_bucket, dst_key));
  }
}

void S3ObjectStore::remove(const std::string& bucket, const std::string& key) {
  try {
    client_.delete_object(bucket, key);
  } catch (const aws::NotFoundError&) {  // ignored: gone already is what a delete wants
  } catch (const aws::AwsError& e) {
    throw_store_error(e, "DELETE " + uri(bucket, key));
  }
}

std::vector<RemoveFailure> S3ObjectStore::remove_many(const std::string& bucket,
                                                      const std::vector<std::string>& keys) {
  std::vector<RemoveFailure> failures;
  try {
    for (auto& f : client_.delete_objects(bucket, keys)) {
      const bool transient =
          f.code == "InternalError" || f.code == "SlowDown" || f.code == "ServiceUnavailable";
      failures.push_back({.key = f.key,
                          .reason = "DELETE " + uri(bucket, f.key) + ": " + f.code + ": " + f.message,
                          .transient = transient});
    }
  } catch (const aws::AwsError& e) {
    throw_store_error(e, "DeleteObjects in s3://" + bucket + " (" + std::to_string(keys.size()) + " keys)");
  }
  return failures;
}

}  // namespace heliocloud::registry
