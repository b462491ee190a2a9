#pragma once
// Custom::EmptyBucket { BucketName }: on Delete, removes every object, every version and every delete marker
// (and aborts unfinished multipart uploads), so that CloudFormation can then delete the bucket itself.
// Create and Update do nothing. PhysicalResourceId = the bucket name.
#include <cstddef>
#include <string>
#include <string_view>

#include "aws/s3.h"
#include "contracts/custom_resources.h"
#include "custom_resources/resource_handler.h"

namespace heliocloud::custom_resources {

struct EmptyBucketResult {
  std::size_t versions_deleted = 0;  // versions and delete markers
  std::size_t uploads_aborted = 0;
  std::size_t requests = 0;  // ListObjectVersions pages
};

// Empties the bucket page by page (1000 versions listed, then deleted in one batch). Throws when S3 refuses
// some deletions (naming the first few) or when `stop_by` passes before the bucket is empty. A missing bucket
// is empty.
EmptyBucketResult empty_bucket(const aws::S3Client& s3, const std::string& bucket,
                               std::chrono::system_clock::time_point stop_by);

class EmptyBucketHandler : public ResourceHandler {
 public:
  static constexpr std::string_view kType = contracts::custom_resources::empty_bucket::kType;
  explicit EmptyBucketHandler(const aws::S3Client& s3) : s3_(s3) {}
  HandlerOutput handle(const Event& event, std::chrono::system_clock::time_point stop_by) const override;

 private:
  const aws::S3Client& s3_;
};

}  // namespace heliocloud::custom_resources
