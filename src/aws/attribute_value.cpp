#include "aws/attribute_value.h"

#include <charconv>
#include <stdexcept>

namespace heliocloud::aws::dynamodb {
namespace {

nlohmann::json parse_number(const std::string& n) {
  if (n.find_first_of(".eE") == std::string::npos) {
    if (!n.empty() && n[0] == '-') {
      std::int64_t v = 0;
      const auto r = std::from_chars(n.data(), n.data() + n.size(), v);
      if (r.ec == std::errc() && r.ptr == n.data() + n.size()) return v;
    } else {
      std::uint64_t v = 0;
      const auto r = std::from_chars(n.data(), n.data() + n.size(), v);
      if (r.ec == std::errc() && r.ptr == n.data() + n.size()) {
        if (v <= static_cast<std::uint64_t>(INT64_MAX)) return static_cast<std::int64_t>(v);
        return v;
      }
    }
  }
  std::size_t used = 0;
  const double d = std::stod(n, &used);
  if (used != n.size()) throw std::invalid_argument("DynamoDB number is not a number: " + n);
  return d;
}

}  // namespace

nlohmann::json to_attribute_value(const nlohmann::json& v) {
  using nlohmann::json;
  switch (v.type()) {
    case json::value_t::string:
      return {{"S", v}};
    case json::value_t::boolean:
      return {{"BOOL", v}};
    case json::value_t::null:
      return {{"NULL", true}};
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return {{"N", v.dump()}};
    case json::value_t::array: {
      json list = json::array();
      for (const auto& e : v) list.push_back(to_attribute_value(e));
      return {{"L", list}};
    }
    case json::value_t::object: {
      json map = json::object();
      for (const auto& [k, e] : v.items()) map[k] = to_attribute_value(e);
      return {{"M", map}};
    }
    case json::value_t::binary:
    case json::value_t::discarded:
      break;
  }
  throw std::invalid_argument("no DynamoDB attribute value for this JSON value");
}

nlohmann::json from_attribute_value(const nlohmann::json& av) {
  using nlohmann::json;
  if (!av.is_object() || av.size() != 1) {
    throw std::invalid_argument("a DynamoDB attribute value is an object with one type key: " + av.dump());
  }
  const auto first = av.begin();
  const std::string& type = first.key();
  const nlohmann::json& v = first.value();
  if (type == "S" || type == "B") return v;
  if (type == "N") return parse_number(v.get<std::string>());
  if (type == "BOOL") return v;
  if (type == "NULL") return nullptr;
  if (type == "SS" || type == "BS") return v;
  if (type == "NS") {
    json out = json::array();
    for (const auto& n : v) out.push_back(parse_number(n.get<std::string>()));
    return out;
  }
  if (type == "L") {
    json out = json::array();
    for (const auto& e : v) out.push_back(from_attribute_value(e));
    return out;
  }
  if (type == "M") {
    json out = json::object();
    for (const auto& [k, e] : v.items()) out[k] = from_attribute_value(e);
    return out;
  }
  throw std::invalid_argument("unknown DynamoDB attribute type " + type);
}

nlohmann::json to_item(const nlohmann::json& object) {
  if (!object.is_object()) throw std::invalid_argument("a DynamoDB item must be a JSON object");
  nlohmann::json item = nlohmann::json::object();
  for (const auto& [k, v] : object.items()) item[k] = to_attribute_value(v);
  return item;
}

nlohmann::json from_item(const nlohmann::json& item) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [k, v] : item.items()) out[k] = from_attribute_value(v);
  return out;
}

}  // namespace heliocloud::aws::dynamodb
