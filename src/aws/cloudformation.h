#pragma once
// AWS CloudFormation (query protocol): stacks, their outputs and resources.
#include <map>
#include <string>
#include <vector>

#include "aws/client_config.h"
#include "aws/service_client.h"

namespace heliocloud::aws {

struct StackOutput {
  std::string key;
  std::string value;
  std::string export_name;
  std::string description;
};

struct Stack {
  std::string name;
  std::string id;
  std::string status;  // CREATE_COMPLETE, UPDATE_ROLLBACK_COMPLETE, ...
  std::string status_reason;
  std::vector<StackOutput> outputs;
  std::map<std::string, std::string> parameters;

  // Output value by key; empty when absent.
  std::string output(const std::string& key) const;
};

struct StackResource {
  std::string logical_id;
  std::string physical_id;
  std::string type;
  std::string status;
};

class CloudFormationClient {
 public:
  explicit CloudFormationClient(ClientConfig config);
  // One stack by name or id; NotFoundError when it does not exist.
  Stack describe_stack(const std::string& name) const;
  // Every stack (all pages) when name is empty.
  std::vector<Stack> describe_stacks(const std::string& name = {}) const;
  std::map<std::string, std::string> stack_outputs(const std::string& name) const;
  std::vector<StackResource> list_stack_resources(const std::string& name) const;  // all pages

  // For tests and tools. Returns the stack id.
  std::string create_stack(const std::string& name, const std::string& template_body,
                           const std::map<std::string, std::string>& parameters = {}) const;
  void delete_stack(const std::string& name) const;
  const ServiceClient& service() const noexcept { return client_; }

 private:
  ServiceClient client_;
};

}  // namespace heliocloud::aws
