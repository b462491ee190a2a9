#pragma once
// What the heliocloud-custom-resource binary runs for each Lambda invocation: the provider with the
// HelioCloud handlers, its outcome turned into the Lambda result.
#include "aws/s3.h"
#include "custom_resources/provider.h"
#include "lambda_runtime/runtime.h"

namespace heliocloud::custom_resources {

// Registers Custom::EmptyBucket and Custom::RequesterPays (they keep a reference to `s3`).
void add_heliocloud_handlers(Provider& provider, const aws::S3Client& s3);

// Success once CloudFormation has its answer, whatever the answer ({"Status": "...", "Reason": "..."} for the
// logs); a Lambda error when the answer could not be delivered, so that Lambda's retry of asynchronous
// invocations (how CloudFormation calls providers) gets another chance and the failure shows in the metrics.
lambda_runtime::HandlerResult handle_invocation(const Provider& provider,
                                                const lambda_runtime::Invocation& invocation);

}  // namespace heliocloud::custom_resources
