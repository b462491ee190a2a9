#pragma once
// CloudFormation-shaped requests for the tests, as CloudFormation sends them to a provider function (the
// field set and id formats of a real Delete/Create/Update), pointed at a ResponseURL of the test's own.
#include <nlohmann/json.hpp>
#include <string>

namespace heliocloud::testing {

inline nlohmann::json cfn_event(const std::string& request_type, const std::string& resource_type,
                                nlohmann::json properties, const std::string& response_url,
                                const std::string& physical_id = {}) {
  properties["ServiceToken"] =
      "arn:aws:lambda:us-east-1:123456789012:function:heliocloud-Registry-CustomResourceProvider";
  nlohmann::json event = {{"RequestType", request_type},
                          {"ServiceToken", properties["ServiceToken"]},
                          {"ResponseURL", response_url},
                          {"StackId",
                           "arn:aws:cloudformation:us-east-1:123456789012:stack/heliocloud-Registry/"
                           "5b9cbd30-7e3a-11ee-b962-0ac2f2e5c2b1"},
                          {"RequestId", "e2e3b7a8-4d43-4c69-a2a6-0f8d6f1c2e4d"},
                          {"LogicalResourceId", "IngestBucketEmptier"},
                          {"ResourceType", resource_type},
                          {"ResourceProperties", properties}};
  if (!physical_id.empty()) event["PhysicalResourceId"] = physical_id;
  if (request_type == "Update") event["OldResourceProperties"] = properties;
  return event;
}

// A presigned-URL-shaped target on the local server: path and query must be used exactly as given.
inline std::string response_url(const std::string& authority) {
  return "http://" + authority +
         "/arn%3Aaws%3Acloudformation%3Aus-east-1%3A123456789012%3Astack/heliocloud-Registry/e2e3b7a8"
         "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240101T000000Z&X-Amz-Expires=7200&X-Amz-Signature="
         "abc123";
}

inline std::string response_target() {
  return "/arn%3Aaws%3Acloudformation%3Aus-east-1%3A123456789012%3Astack/heliocloud-Registry/e2e3b7a8"
         "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240101T000000Z&X-Amz-Expires=7200&X-Amz-Signature="
         "abc123";
}

}  // namespace heliocloud::testing
