#include "construct/resolver.h"

#include "construct/cfn_element.h"
#include "construct/stack.h"

namespace heliocloud::construct {

nlohmann::ordered_json Resolver::resolve(const Value& value) {
  using K = Value::Kind;
  switch (value.kind()) {
    case K::Null:
      return nullptr;
    case K::Bool:
      return value.asBool();
    case K::Integer:
      return value.asInteger();
    case K::Double:
      return value.asDouble();
    case K::String:
      return value.asString();
    case K::List: {
      auto out = nlohmann::ordered_json::array();
      for (const auto& item : value.asList()) out.push_back(resolve(item));
      return out;
    }
    case K::Map: {
      auto out = nlohmann::ordered_json::object();
      for (const auto& [k, item] : value.asMap()) out[k] = resolve(item);
      return out;
    }
    case K::Ref:
    case K::GetAtt:
      return resolveReference(value);
    case K::Intrinsic:
      return resolveIntrinsic(value);
  }
  return nullptr;
}

nlohmann::ordered_json Resolver::resolveReference(const Value& value) {
  const CfnElement& target = value.target();
  Stack& producer = target.stack();
  if (&producer == &consumer_) {
    if (value.kind() == Value::Kind::Ref) return {{"Ref", target.logicalId()}};
    return {{"Fn::GetAtt", {target.logicalId(), value.asString()}}};
  }
  Resolver inProducer(producer);
  const std::string exportName = producer.exportValue(inProducer.resolve(value));
  dependOn(producer, "uses " + target.path());
  return {{"Fn::ImportValue", exportName}};
}

namespace {

// Fn::Join of literal strings is folded into one string, and adjacent literal parts are merged, as
// aws-cdk-lib does: an env-specific stack then reads "arn:aws:s3:::bucket" rather than a join.
nlohmann::ordered_json simplifyJoin(const nlohmann::ordered_json& arg) {
  if (!arg.is_array() || arg.size() != 2 || !arg[0].is_string() || !arg[1].is_array())
    return {{"Fn::Join", arg}};
  const std::string delimiter = arg[0].get<std::string>();
  // A join nested in an empty-delimiter join is spliced into it ("arn:" + partition + ... + "/*").
  auto flat = nlohmann::ordered_json::array();
  for (const auto& part : arg[1]) {
    const bool nested = delimiter.empty() && part.is_object() && part.size() == 1 &&
                        part.contains("Fn::Join") && part["Fn::Join"][0] == "";
    if (nested)
      for (const auto& inner : part["Fn::Join"][1]) flat.push_back(inner);
    else
      flat.push_back(part);
  }
  auto parts = nlohmann::ordered_json::array();
  for (const auto& part : flat) {
    if (part.is_string() && !parts.empty() && parts.back().is_string() && delimiter.empty())
      parts.back() = parts.back().get<std::string>() + part.get<std::string>();
    else
      parts.push_back(part);
  }
  bool allStrings = true;
  for (const auto& part : parts) allStrings = allStrings && part.is_string();
  if (allStrings) {
    std::string joined;
    for (std::size_t i = 0; i < parts.size(); ++i)
      joined += (i ? delimiter : "") + parts[i].get<std::string>();
    return joined;
  }
  if (parts.size() == 1 && delimiter.empty()) return parts[0];
  return {{"Fn::Join", {delimiter, parts}}};
}

}  // namespace

nlohmann::ordered_json Resolver::resolveIntrinsic(const Value& value) {
  const std::string& name = value.asString();
  nlohmann::ordered_json arg = resolve(value.argument());
  if (name == "Fn::Join") return simplifyJoin(arg);
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  out[name] = std::move(arg);
  return out;
}

void Resolver::dependOn(Stack& producer, const std::string& reason) {
  if (&producer != &consumer_) consumer_.addDependency(producer, reason);
}

}  // namespace heliocloud::construct
