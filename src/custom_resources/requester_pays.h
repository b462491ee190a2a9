#pragma once
// Custom::RequesterPays { BucketName, Enabled: "true"|"false" (default "true") }: CloudFormation has no
// property for a bucket's request-payment configuration, so this resource sets it. Create/Update: Requester
// when enabled, BucketOwner when not; Delete: back to BucketOwner (a bucket already gone is fine).
// PhysicalResourceId = the bucket name, so renaming the bucket makes CloudFormation delete (clear) the old
// one.
#include <string_view>

#include "aws/s3.h"
#include "contracts/custom_resources.h"
#include "custom_resources/resource_handler.h"

namespace heliocloud::custom_resources {

class RequesterPaysHandler : public ResourceHandler {
 public:
  static constexpr std::string_view kType = contracts::custom_resources::requester_pays::kType;
  explicit RequesterPaysHandler(const aws::S3Client& s3) : s3_(s3) {}
  HandlerOutput handle(const Event& event, std::chrono::system_clock::time_point stop_by) const override;

 private:
  const aws::S3Client& s3_;
};

}  // namespace heliocloud::custom_resources
