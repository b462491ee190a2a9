// heliocloud-custom-resource: the Lambda function behind HelioCloud's custom resources (Custom::EmptyBucket,
// Custom::RequesterPays). Packaged for provided.al2023 as build/lambda/custom-resource/.
#include <exception>

#include "aws/client_config.h"
#include "aws/s3.h"
#include "custom_resources/lambda_entry.h"
#include "lambda_runtime/runtime.h"

int main() {
  namespace cr = heliocloud::custom_resources;
  namespace lr = heliocloud::lambda_runtime;
  try {
    // Region and credentials come from the variables Lambda sets (AWS_REGION, AWS_ACCESS_KEY_ID, ...).
    const heliocloud::aws::S3Client s3(heliocloud::aws::ClientConfig::from_environment());
    cr::Provider provider;
    cr::add_heliocloud_handlers(provider, s3);
    return lr::run_handler([&](const lr::Invocation& inv) { return cr::handle_invocation(provider, inv); });
  } catch (const std::exception& e) {
    lr::report_init_error("Runtime.InitError", e.what());
    return 1;
  }
}
