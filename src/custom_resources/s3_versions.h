#pragma once
// The S3 calls for versioned buckets that aws::S3Client does not have yet (ListObjectVersions, DeleteObjects
// with version ids, PutBucketVersioning), sent through its ServiceClient: same endpoint, signing and retries.
// They belong in src/aws/s3.h; they live here until that library grows them.
#include <cstddef>
#include <string>
#include <vector>

#include "aws/s3.h"

namespace heliocloud::custom_resources {

struct ObjectVersion {
  std::string key;
  std::string version_id;  // "null" for objects written while versioning was off
  bool delete_marker = false;
};

struct ObjectVersionsPage {
  std::vector<ObjectVersion> versions;  // versions and delete markers alike
  bool truncated = false;
  std::string next_key_marker;
  std::string next_version_id_marker;
};

// One page of every version and delete marker in the bucket, after the given markers (empty: from the start).
ObjectVersionsPage list_object_versions(const aws::S3Client& s3, const std::string& bucket,
                                        const std::string& key_marker, const std::string& version_id_marker,
                                        int max_keys = 1000);

// Deletes these exact versions (delete markers included) permanently, 1000 per request (the API's limit).
// Returns what S3 refused.
std::vector<aws::DeleteFailure> delete_object_versions(const aws::S3Client& s3, const std::string& bucket,
                                                       const std::vector<ObjectVersion>& versions);

void put_bucket_versioning(const aws::S3Client& s3, const std::string& bucket, bool enabled);

}  // namespace heliocloud::custom_resources
