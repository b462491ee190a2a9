#pragma once
// One handler per custom resource type. A handler does the work of a request and says what to answer; it
// reports failure by throwing (any exception), which the provider turns into a FAILED response with the
// message as Reason.
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "custom_resources/event.h"

namespace heliocloud::custom_resources {

struct HandlerOutput {
  std::string physical_resource_id;
  nlohmann::json data = nlohmann::json::object();
  bool no_echo = false;
};

class ResourceHandler {
 public:
  virtual ~ResourceHandler() = default;
  // `stop_by`: long-running handlers check it between steps and throw when it has passed, so that the
  // provider can still answer CloudFormation before Lambda ends the invocation.
  virtual HandlerOutput handle(const Event& event, std::chrono::system_clock::time_point stop_by) const = 0;
};

}  // namespace heliocloud::custom_resources
