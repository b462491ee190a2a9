#include "construct/resolver.h"

#include <stdexcept>

#include "construct/cfn_element.h"
#include "construct/stack.h"

namespace heliocloud::construct {

nlohmann::ordered_json Resolver::resolve(const Value& value) {
  using K = Value::Kind;
  switch (value.kind()) {
    case K::Null:
      return nullptr;
    case K::Bool:
      return value.as_bool();
    case K::Integer:
      return value.as_integer();
    case K::Double:
      return value.as_double();
    case K::String:
      return value.as_string();
    case K::List: {
      auto out = nlohmann::ordered_json::array();
      for (const auto& item : value.as_list()) out.push_back(resolve(item));
      return out;
    }
    case K::Map: {
      auto out = nlohmann::ordered_json::object();
      for (const auto& [k, item] : value.as_map()) out[k] = resolve(item);
      return out;
    }
    case K::Ref:
    case K::GetAtt:
      return resolve_reference(value);
    case K::Intrinsic:
      return resolve_intrinsic(value);
  }
  return nullptr;
}

namespace {

// What aws-cdk-lib refuses too: an export lives in one account and region, and anyone who may list the
// exports there reads its value.
void check_cross_stack_reference(const Value& value, const Stack& producer, const Stack& consumer) {
  const CfnElement& target = value.target();
  const std::string what = value.kind() == Value::Kind::Ref ? "the Ref of " + target.path()
                                                            : value.as_string() + " of " + target.path();
  if (value.is_secret())
    throw std::runtime_error(
        "stack " + consumer.path() + " uses the secret " + what + " from stack " + producer.path() +
        ": a reference across stacks would publish it as a CloudFormation export, readable by "
        "anyone who may list exports; use it only in " +
        producer.path() + " or pass it through Secrets Manager");
  if (producer.environment_uri() != consumer.environment_uri())
    throw std::runtime_error(
        "stack " + consumer.path() + " (" + consumer.environment_uri() + ") uses " + what + " from stack " +
        producer.path() + " (" + producer.environment_uri() +
        "): references across stacks need both stacks in the same account and region (or "
        "both environment-agnostic)");
}

}  // namespace

nlohmann::ordered_json Resolver::resolve_reference(const Value& value) {
  const CfnElement& target = value.target();
  Stack& producer = target.stack();
  if (&producer == &consumer_) {
    if (value.kind() == Value::Kind::Ref) return {{"Ref", target.logical_id()}};
    return {{"Fn::GetAtt", {target.logical_id(), value.as_string()}}};
  }
  check_cross_stack_reference(value, producer, consumer_);
  Resolver in_producer(producer);
  const std::string export_name = producer.export_value(in_producer.resolve(value));
  depend_on(producer, "uses " + target.path());
  return {{"Fn::ImportValue", export_name}};
}

namespace {

// Fn::Join of literal strings is folded into one string, and adjacent literal parts are merged, as
// aws-cdk-lib does: an env-specific stack then reads "arn:aws:s3:::bucket" rather than a join.
nlohmann::ordered_json simplify_join(const nlohmann::ordered_json& arg) {
  if (!arg.is_array() || arg.size() != 2 || !arg[0].is_string() || !arg[1].is_array())
    return {{"Fn::Join", arg}};
  const std::string delimiter = arg[0].get<std::string>();
  // A join nested in an empty-delimiter join is spliced into it ("arn:" + partition + ... + "/*").
  auto flat = nlohmann::ordered_json::array();
  for (const auto& part : arg[1]) {
    // json::empty() is false for every string, so the empty delimiter is compared as a string.
    const bool nested = delimiter.empty() && part.is_object() && part.size() == 1 &&
                        part.contains("Fn::Join") &&
                        part["Fn::Join"][0] == "";  // NOLINT(readability-container-size-empty)
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
  bool all_strings = true;
  for (const auto& part : parts) all_strings = all_strings && part.is_string();
  if (all_strings) {
    std::string joined;
    for (std::size_t i = 0; i < parts.size(); ++i)
      joined += ((i != 0) ? delimiter : "") + parts[i].get<std::string>();
    return joined;
  }
  if (parts.size() == 1 && delimiter.empty()) return parts[0];
  return {{"Fn::Join", {delimiter, parts}}};
}

}  // namespace

nlohmann::ordered_json Resolver::resolve_intrinsic(const Value& value) {
  const std::string& name = value.as_string();
  nlohmann::ordered_json arg = resolve(value.argument());
  if (name == "Fn::Join") return simplify_join(arg);
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  out[name] = std::move(arg);
  return out;
}

void Resolver::depend_on(Stack& producer, const std::string& reason) {
  if (&producer != &consumer_) consumer_.add_dependency(producer, reason);
}

}  // namespace heliocloud::construct
