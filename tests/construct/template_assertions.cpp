#include "template_assertions.h"

#include <stdexcept>

#include "construct/app.h"
#include "construct/synthesis.h"

namespace heliocloud::testing {
using Json = nlohmann::json;

bool json_contains(const Json& actual, const Json& expected) {
  if (expected.is_object()) {
    if (!actual.is_object()) return false;
    for (const auto& [key, value] : expected.items())
      if (!actual.contains(key) || !json_contains(actual.at(key), value)) return false;
    return true;
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) return false;
    for (std::size_t i = 0; i < expected.size(); ++i)
      if (!json_contains(actual[i], expected[i])) return false;
    return true;
  }
  return actual == expected;
}

Template Template::from_stack(construct::Stack& stack) {
  for (auto& rendered : construct::render_templates(stack.app()))
    if (rendered.stack == &stack) return Template(Json(rendered.template_json));
  throw std::logic_error(stack.path() + " was not rendered");
}

std::map<std::string, Json> Template::find_resources(const std::string& type, const Json& properties) const {
  std::map<std::string, Json> out;
  for (const auto& [id, r] : resources().items())
    if (r.at("Type") == type && json_contains(r.value("Properties", Json::object()), properties)) out[id] = r;
  return out;
}

const Json& Template::only(const std::string& type) const {
  const Json* found = nullptr;
  for (const auto& [id, r] : resources().items()) {
    if (r.at("Type") != type) continue;
    if (found != nullptr) throw std::runtime_error("more than one " + type);
    found = &r;
  }
  if (found == nullptr) throw std::runtime_error("no " + type);
  return *found;
}

std::string Template::logical_id_of(const std::string& type, const Json& properties) const {
  const auto found = find_resources(type, properties);
  if (found.size() != 1)
    throw std::runtime_error(std::to_string(found.size()) + " resources of " + type + " match " +
                             properties.dump());
  return found.begin()->first;
}

::testing::AssertionResult Template::has_resource_properties(const std::string& type,
                                                             const Json& properties) const {
  if (!find_resources(type, properties).empty()) return ::testing::AssertionSuccess();
  auto failure = ::testing::AssertionFailure() << "no " << type << " has properties " << properties.dump()
                                               << "; the template's " << type << " resources:";
  for (const auto& [id, r] : find_resources(type)) failure << "\n  " << id << ": " << r.dump();
  return failure;
}

::testing::AssertionResult Template::has_resource(const std::string& type, const Json& resource) const {
  for (const auto& [id, r] : find_resources(type))
    if (json_contains(r, resource)) return ::testing::AssertionSuccess();
  auto failure = ::testing::AssertionFailure() << "no " << type << " contains " << resource.dump() << ":";
  for (const auto& [id, r] : find_resources(type)) failure << "\n  " << id << ": " << r.dump();
  return failure;
}

}  // namespace heliocloud::testing
