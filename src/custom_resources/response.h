#pragma once
// The answer CloudFormation waits for, PUT to the request's presigned ResponseURL.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html
#include <chrono>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "custom_resources/event.h"

namespace heliocloud::custom_resources {

enum class Status { Success, Failed };

struct Response {
  Status status = Status::Success;
  std::string reason;                // required by CloudFormation when FAILED; shown in the stack events
  std::string physical_resource_id;  // never empty: CloudFormation rejects a response without one
  nlohmann::json data = nlohmann::json::object();  // Fn::GetAtt values
  bool no_echo = false;                            // mask Data in the console and API output
};

// CloudFormation refuses response bodies over 4096 bytes; an over-long Reason is shortened to fit.
inline constexpr std::size_t kMaxResponseBytes = 4096;

// The JSON document to PUT: Status, Reason, PhysicalResourceId, StackId, RequestId, LogicalResourceId,
// NoEcho (when set) and Data.
std::string response_body(const Event& event, const Response& response);

struct Delivery {
  bool ok = false;
  long http_status = 0;  // last status seen, 0 when no response arrived
  int attempts = 0;
  std::string error;  // why it failed, for the logs and the Lambda error
};

// PUTs the body with an empty Content-Type (the presigned URL is signed without one, so any other value
// breaks the signature). Retries transport failures and 5xx a few times, never past `give_up_at`.
Delivery send_response(const std::string& url, const std::string& body,
                       std::chrono::system_clock::time_point give_up_at);

}  // namespace heliocloud::custom_resources
