#pragma once
// A CloudFormation custom-resource request, as CloudFormation sends it to the provider function.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace heliocloud::custom_resources {

enum class RequestType { Create, Update, Delete };
std::string_view to_string(RequestType type);

struct Event {
  RequestType request_type = RequestType::Create;
  std::string response_url;  // presigned S3 PUT: the only way to answer CloudFormation
  std::string stack_id;
  std::string request_id;
  std::string resource_type;  // "Custom::EmptyBucket"
  std::string logical_resource_id;
  std::string physical_resource_id;                                   // empty on Create
  nlohmann::json resource_properties = nlohmann::json::object();      // ServiceToken included
  nlohmann::json old_resource_properties = nlohmann::json::object();  // Update only
};

// What could be read, and every problem found. Fields that were readable are filled in even when errors is
// not empty, so that a FAILED answer can still reach the ResponseURL and name the right stack and resource.
struct ParsedEvent {
  Event event;
  std::vector<std::string> errors;
  bool ok() const noexcept { return errors.empty(); }
  std::string error_text() const;  // errors joined with "; "
};

ParsedEvent parse_event(std::string_view payload);

// Property accessors for handlers. CloudFormation passes every scalar property as a string; these throw
// std::invalid_argument naming the property when it is missing or malformed.
std::string required_string(const nlohmann::json& properties, const std::string& name);
// "true"/"false" (any case) or a JSON boolean; `fallback` when absent.
bool optional_bool(const nlohmann::json& properties, const std::string& name, bool fallback);

}  // namespace heliocloud::custom_resources
