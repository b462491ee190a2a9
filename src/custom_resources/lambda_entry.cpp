#include "custom_resources/lambda_entry.h"

#include <memory>
#include <nlohmann/json.hpp>

#include "custom_resources/empty_bucket.h"
#include "custom_resources/requester_pays.h"

namespace heliocloud::custom_resources {

void add_heliocloud_handlers(Provider& provider, const aws::S3Client& s3) {
  provider.add(std::string(EmptyBucketHandler::kType), std::make_unique<EmptyBucketHandler>(s3));
  provider.add(std::string(RequesterPaysHandler::kType), std::make_unique<RequesterPaysHandler>(s3));
}

lambda_runtime::HandlerResult handle_invocation(const Provider& provider,
                                                const lambda_runtime::Invocation& invocation) {
  const ProviderOutcome outcome = provider.handle(invocation.payload, invocation.deadline);
  if (!outcome.responded)
    return lambda_runtime::HandlerResult::failure("CustomResource.NoResponse", outcome.delivery_error);
  return lambda_runtime::HandlerResult::success(nlohmann::json{
      {"Status", outcome.status == Status::Success ? "SUCCESS" : "FAILED"},
      {"Reason", outcome.reason}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace heliocloud::custom_resources
