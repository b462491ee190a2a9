#include "custom_resources/event.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "base/text.h"

namespace heliocloud::custom_resources {

using nlohmann::json;

std::string_view to_string(RequestType type) {
  switch (type) {
    case RequestType::Create:
      return "Create";
    case RequestType::Update:
      return "Update";
    case RequestType::Delete:
      return "Delete";
  }
  return "?";
}

std::string ParsedEvent::error_text() const {
  return base::join(errors, "; ");
}

namespace {

// Reads a string field; records what is wrong instead of stopping at the first problem.
void read_string(const json& doc, const char* name, std::string& out, std::vector<std::string>& errors,
                 bool required = true) {
  const auto it = doc.find(name);
  if (it == doc.end() || it->is_null()) {
    if (required) errors.push_back(std::string(name) + ": missing");
    return;
  }
  if (!it->is_string()) {
    errors.push_back(std::string(name) + ": expected a string, got " + it->type_name());
    return;
  }
  out = it->get<std::string>();
  if (required && out.empty()) errors.push_back(std::string(name) + ": empty");
}

void read_object(const json& doc, const char* name, json& out, std::vector<std::string>& errors) {
  const auto it = doc.find(name);
  if (it == doc.end() || it->is_null()) return;  // a resource without properties is legal
  if (!it->is_object()) {
    errors.push_back(std::string(name) + ": expected an object, got " + it->type_name());
    return;
  }
  out = *it;
}

}  // namespace

ParsedEvent parse_event(std::string_view payload) {
  ParsedEvent parsed;
  json doc;
  try {
    doc = json::parse(payload);
    // parse_error for bad syntax, out_of_range for a number beyond a double (1e999): both are bad events.
  } catch (const json::exception& e) {
    parsed.errors.push_back(std::string("event is not JSON: ") + e.what());
    return parsed;
  }
  if (!doc.is_object()) {
    parsed.errors.push_back(std::string("event: expected a JSON object, got ") + doc.type_name());
    return parsed;
  }
  Event& ev = parsed.event;
  auto& errors = parsed.errors;
  std::string type;
  read_string(doc, "RequestType", type, errors);
  if (type == "Create") {
    ev.request_type = RequestType::Create;
  } else if (type == "Update") {
    ev.request_type = RequestType::Update;
  } else if (type == "Delete") {
    ev.request_type = RequestType::Delete;
  } else if (!type.empty()) {
    errors.push_back("RequestType: \"" + type + "\" is not one of Create, Update, Delete");
  }
  read_string(doc, "ResponseURL", ev.response_url, errors);
  read_string(doc, "StackId", ev.stack_id, errors);
  read_string(doc, "RequestId", ev.request_id, errors);
  read_string(doc, "ResourceType", ev.resource_type, errors);
  read_string(doc, "LogicalResourceId", ev.logical_resource_id, errors);
  // CloudFormation sends the id we returned on Create with every later Update and Delete.
  const bool needs_physical = type == "Update" || type == "Delete";
  read_string(doc, "PhysicalResourceId", ev.physical_resource_id, errors, needs_physical);
  read_object(doc, "ResourceProperties", ev.resource_properties, errors);
  read_object(doc, "OldResourceProperties", ev.old_resource_properties, errors);
  return parsed;
}

std::string required_string(const json& properties, const std::string& name) {
  const auto it = properties.find(name);
  if (it == properties.end() || it->is_null())
    throw std::invalid_argument("ResourceProperties." + name + ": missing");
  if (!it->is_string()) {
    throw std::invalid_argument("ResourceProperties." + name + ": expected a string, got " + it->type_name());
  }
  std::string value = it->get<std::string>();
  if (value.empty()) throw std::invalid_argument("ResourceProperties." + name + ": empty");
  return value;
}

bool optional_bool(const json& properties, const std::string& name, bool fallback) {
  const auto it = properties.find(name);
  if (it == properties.end() || it->is_null()) return fallback;
  if (it->is_boolean()) return it->get<bool>();
  if (it->is_string()) {
    std::string v = it->get<std::string>();
    std::ranges::transform(v, v.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (v == "true") return true;
    if (v == "false") return false;
  }
  throw std::invalid_argument("ResourceProperties." + name + ": expected \"true\" or \"false\", got " +
                              it->dump());
}

}  // namespace heliocloud::custom_resources
