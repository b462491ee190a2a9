#include "custom_resources/requester_pays.h"

#include "aws/errors.h"

namespace heliocloud::custom_resources {

namespace requester_pays_names = contracts::custom_resources::requester_pays;

HandlerOutput RequesterPaysHandler::handle(const Event& event,
                                           std::chrono::system_clock::time_point /*stop_by*/) const {
  const std::string bucket =
      required_string(event.resource_properties, std::string(requester_pays_names::kBucketName));
  HandlerOutput out;
  out.physical_resource_id = bucket;
  if (event.request_type == RequestType::Delete) {
    try {
      s3_.put_bucket_request_payment(bucket, false);
    } catch (const aws::NotFoundError& e) {
      if (e.code() != "NoSuchBucket")
        throw;  // deleted (or retained and removed by hand) before us: nothing to clear
    }
    return out;
  }
  const bool enabled =
      optional_bool(event.resource_properties, std::string(requester_pays_names::kEnabled), true);
  s3_.put_bucket_request_payment(bucket, enabled);
  out.data = {{"Payer", enabled ? "Requester" : "BucketOwner"}};
  return out;
}

}  // namespace heliocloud::custom_resources
