#pragma once
// The custom-resource provider: reads a CloudFormation request, runs the handler of its ResourceType and
// ALWAYS answers on the ResponseURL — SUCCESS, or FAILED with the reason — before the Lambda deadline.
// CloudFormation otherwise waits an hour for an answer that never comes, and a stack stuck in *_IN_PROGRESS
// cannot be touched.
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "custom_resources/resource_handler.h"
#include "custom_resources/response.h"

namespace heliocloud::custom_resources {

struct ProviderOptions {
  // Time kept back from the Lambda deadline to send the answer. A handler still running then gets a FAILED
  // answer sent on its behalf; handlers are asked to stop (stop_by) twice this long before the deadline.
  std::chrono::milliseconds reserve{10000};
};

// What happened to one request, for the Lambda result and the logs.
struct ProviderOutcome {
  bool responded = false;  // the answer reached CloudFormation
  Status status = Status::Failed;
  std::string reason;          // FAILED: why
  std::string delivery_error;  // when responded is false
  std::string body;            // what was PUT (or would have been)
};

class Provider {
 public:
  explicit Provider(ProviderOptions options = {}) : options_(options) {}
  void add(const std::string& resource_type, std::unique_ptr<ResourceHandler> handler);

  // One request, start to finish. Never throws: every failure ends as a FAILED answer, or — when not even a
  // ResponseURL could be read — as responded == false.
  ProviderOutcome handle(std::string_view payload, std::chrono::system_clock::time_point deadline) const;

 private:
  // Works out the answer and passes it to `deliver` exactly once, at answer_by at the latest.
  void run(const Event& event, std::chrono::system_clock::time_point stop_by,
           std::chrono::system_clock::time_point answer_by,
           const std::function<void(const Response&)>& deliver) const;

  ProviderOptions options_;
  std::map<std::string, std::unique_ptr<ResourceHandler>, std::less<>> handlers_;
};

// The PhysicalResourceId given to a resource whose Create failed: there is nothing behind it, so the Delete
// that CloudFormation sends while rolling back succeeds without calling the handler.
std::string failed_create_id(const Event& event);
bool is_failed_create_id(const Event& event);

}  // namespace heliocloud::custom_resources
