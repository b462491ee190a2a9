#include "aws/cloudformation.h"

#include "aws/protocols.h"

namespace heliocloud::aws {
namespace {

constexpr const char* kCloudFormationVersion = "2010-05-15";
ServiceInfo cfn_info() {
  return {.name = "CloudFormation",
          .signing_name = "cloudformation",
          .endpoint_prefix = "cloudformation",
          .env_id = "CLOUDFORMATION"};
}

const xml::Node* result(const xml::Node& root, const std::string& action) {
  return root.child(action + "Result");
}

std::vector<const xml::Node*> members(const xml::Node* list) {
  return (list != nullptr) ? list->children_named("member") : std::vector<const xml::Node*>{};
}

Stack to_stack(const xml::Node& m) {
  Stack s;
  s.name = m.child_text("StackName");
  s.id = m.child_text("StackId");
  s.status = m.child_text("StackStatus");
  s.status_reason = m.child_text("StackStatusReason");
  for (const xml::Node* o : members(m.child("Outputs"))) {
    s.outputs.push_back({.key = o->child_text("OutputKey"),
                         .value = o->child_text("OutputValue"),
                         .export_name = o->child_text("ExportName"),
                         .description = o->child_text("Description")});
  }
  for (const xml::Node* p : members(m.child("Parameters"))) {
    s.parameters[p->child_text("ParameterKey")] = p->child_text("ParameterValue");
  }
  return s;
}

}  // namespace

std::string Stack::output(const std::string& key) const {
  for (const auto& o : outputs) {
    if (o.key == key) return o.value;
  }
  return {};
}

CloudFormationClient::CloudFormationClient(ClientConfig config) : client_(std::move(config), cfn_info()) {}

std::vector<Stack> CloudFormationClient::describe_stacks(const std::string& name) const {
  std::vector<Stack> out;
  std::string token;
  do {
    sigv4::QueryParams params;
    if (!name.empty()) params.emplace_back("StackName", name);
    if (!token.empty()) params.emplace_back("NextToken", token);
    const xml::Node root = query_call(client_, "DescribeStacks", kCloudFormationVersion, params, true);
    const xml::Node* r = result(root, "DescribeStacks");
    if (r == nullptr) break;
    for (const xml::Node* m : members(r->child("Stacks"))) out.push_back(to_stack(*m));
    token = r->child_text("NextToken");
  } while (!token.empty());
  return out;
}

Stack CloudFormationClient::describe_stack(const std::string& name) const {
  auto stacks = describe_stacks(name);
  if (stacks.empty()) {
    throw_error({.service = "CloudFormation",
                 .operation = "DescribeStacks",
                 .http_status = 400,
                 .code = "ValidationError",
                 .message = "Stack with id " + name + " does not exist",
                 .request_id = "",
                 .attempts = 1,
                 .reasons = {}});
  }
  return std::move(stacks.front());
}

std::map<std::string, std::string> CloudFormationClient::stack_outputs(const std::string& name) const {
  std::map<std::string, std::string> out;
  for (const auto& o : describe_stack(name).outputs) out[o.key] = o.value;
  return out;
}

std::vector<StackResource> CloudFormationClient::list_stack_resources(const std::string& name) const {
  std::vector<StackResource> out;
  std::string token;
  do {
    sigv4::QueryParams params{{"StackName", name}};
    if (!token.empty()) params.emplace_back("NextToken", token);
    const xml::Node root = query_call(client_, "ListStackResources", kCloudFormationVersion, params, true);
    const xml::Node* r = result(root, "ListStackResources");
    if (r == nullptr) break;
    for (const xml::Node* m : members(r->child("StackResourceSummaries"))) {
      out.push_back({.logical_id = m->child_text("LogicalResourceId"),
                     .physical_id = m->child_text("PhysicalResourceId"),
                     .type = m->child_text("ResourceType"),
                     .status = m->child_text("ResourceStatus")});
    }
    token = r->child_text("NextToken");
  } while (!token.empty());
  return out;
}

std::string CloudFormationClient::create_stack(const std::string& name, const std::string& template_body,
                                               const std::map<std::string, std::string>& parameters) const {
  sigv4::QueryParams params{{"StackName", name}, {"TemplateBody", template_body}};
  int i = 1;
  for (const auto& [k, v] : parameters) {
    params.emplace_back("Parameters.member." + std::to_string(i) + ".ParameterKey", k);
    params.emplace_back("Parameters.member." + std::to_string(i) + ".ParameterValue", v);
    ++i;
  }
  const xml::Node root = query_call(client_, "CreateStack", kCloudFormationVersion, params, false);
  const xml::Node* r = result(root, "CreateStack");
  return (r != nullptr) ? r->child_text("StackId") : std::string();
}

void CloudFormationClient::delete_stack(const std::string& name) const {
  query_call(client_, "DeleteStack", kCloudFormationVersion, {{"StackName", name}}, true);
}

}  // namespace heliocloud::aws
