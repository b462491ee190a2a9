#pragma once
// Naming rules of AWS resources that both the installer (validating an instance file) and the deployed code
// (validating its environment) check. Each returns why a name is refused, or "" when it is accepted.
#include <string>

namespace heliocloud::base {

// https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html (general purpose buckets).
[[nodiscard]] std::string check_s3_bucket_name(const std::string& name);

}  // namespace heliocloud::base
