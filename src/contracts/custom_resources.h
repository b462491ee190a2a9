#pragma once
// The contract between the stacks that declare custom resources and the provider function that serves them
// (src/custom_resources): the package, each resource type and the properties it reads.
#include <string_view>

namespace heliocloud::contracts::custom_resources {

// build/lambda/<kPackage>
inline constexpr std::string_view kPackage = "custom-resource";

// Deletes every object version, delete marker and unfinished upload of a bucket when the resource is deleted.
namespace empty_bucket {
inline constexpr std::string_view kType = "Custom::EmptyBucket";
inline constexpr std::string_view kBucketName = "BucketName";
}  // namespace empty_bucket

// Sets (Enabled "true") or clears (Enabled "false") requester pays on a bucket; CloudFormation has no
// property.
namespace requester_pays {
inline constexpr std::string_view kType = "Custom::RequesterPays";
inline constexpr std::string_view kBucketName = "BucketName";
inline constexpr std::string_view kEnabled = "Enabled";
}  // namespace requester_pays

}  // namespace heliocloud::contracts::custom_resources
