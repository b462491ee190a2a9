#include "custom_resources/empty_bucket.h"

#include <stdexcept>

#include "aws/errors.h"

namespace heliocloud::custom_resources {

namespace empty_bucket_names = contracts::custom_resources::empty_bucket;

namespace {

void check_time(std::chrono::system_clock::time_point stop_by, const std::string& bucket,
                const EmptyBucketResult& r) {
  if (std::chrono::system_clock::now() < stop_by) return;
  throw std::runtime_error(
      "ran out of time emptying bucket " + bucket + " after deleting " + std::to_string(r.versions_deleted) +
      " object versions; retry the stack operation to continue, or raise the provider's timeout");
}

std::string describe(const std::vector<aws::DeleteFailure>& failures) {
  std::string out;
  for (std::size_t i = 0; i < failures.size() && i < 3; ++i) {
    out +=
        (i == 0 ? "" : ", ") + failures[i].key + " (" + failures[i].code + ": " + failures[i].message + ")";
  }
  if (failures.size() > 3) out += " and " + std::to_string(failures.size() - 3) + " more";
  return out;
}

}  // namespace

EmptyBucketResult empty_bucket(const aws::S3Client& s3, const std::string& bucket,
                               std::chrono::system_clock::time_point stop_by) {
  EmptyBucketResult result;
  try {
    // Unfinished multipart uploads are not objects, yet they are billed and keep data around: abort them
    // first.
    for (;;) {
      check_time(stop_by, bucket, result);
      const auto uploads = s3.list_multipart_uploads(bucket);
      if (uploads.empty()) break;
      for (const auto& u : uploads) s3.abort_multipart_upload(bucket, u.key, u.upload_id);
      result.uploads_aborted += uploads.size();
    }
    // After a page is deleted in full, list again from the start: what was listed is gone, and markers naming
    // deleted versions are not honoured by every S3 implementation (moto restarts from the beginning of the
    // key). When S3 refused some deletions, follow the markers instead, so the loop cannot spin on the same
    // page.
    std::string key_marker;
    std::string version_marker;
    std::vector<aws::DeleteFailure> failures;
    for (;;) {
      check_time(stop_by, bucket, result);
      const auto page = s3.list_object_versions(bucket, key_marker, version_marker);
      ++result.requests;
      const auto refused = s3.delete_object_versions(bucket, page.versions);
      result.versions_deleted += page.versions.size() - refused.size();
      failures.insert(failures.end(), refused.begin(), refused.end());
      if (!page.truncated) break;
      key_marker = refused.empty() ? std::string() : page.next_key_marker;
      version_marker = refused.empty() ? std::string() : page.next_version_id_marker;
    }
    if (!failures.empty()) {
      throw std::runtime_error("S3 refused to delete " + std::to_string(failures.size()) +
                               " object versions of " + bucket + ": " + describe(failures));
    }
    if (!s3.list_object_versions(bucket, {}, {}, 1).versions.empty()) {
      throw std::runtime_error("bucket " + bucket +
                               " still has objects after emptying it (something keeps writing)");
    }
  } catch (const aws::NotFoundError& e) {
    if (e.code() != "NoSuchBucket") throw;  // a missing bucket has nothing left to delete
  }
  return result;
}

HandlerOutput EmptyBucketHandler::handle(const Event& event,
                                         std::chrono::system_clock::time_point stop_by) const {
  const std::string bucket =
      required_string(event.resource_properties, std::string(empty_bucket_names::kBucketName));
  HandlerOutput out;
  out.physical_resource_id = bucket;
  if (event.request_type == RequestType::Delete) {
    const auto r = empty_bucket(s3_, bucket, stop_by);
    out.data = {{"VersionsDeleted", std::to_string(r.versions_deleted)},
                {"UploadsAborted", std::to_string(r.uploads_aborted)}};
  }
  return out;
}

}  // namespace heliocloud::custom_resources
