#include "construct/value.h"

namespace heliocloud::construct {

Value::Value(bool b) : kind_(Kind::Bool), bool_(b) {}
Value::Value(int n) : kind_(Kind::Integer), integer_(n) {}
Value::Value(std::int64_t n) : kind_(Kind::Integer), integer_(n) {}
Value::Value(double d) : kind_(Kind::Double), double_(d) {}
Value::Value(const char* s) : kind_(Kind::String), string_(s) {}
Value::Value(std::string s) : kind_(Kind::String), string_(std::move(s)) {}
Value::Value(List items) : kind_(Kind::List), list_(std::make_shared<const List>(std::move(items))) {}
Value::Value(Map entries) : kind_(Kind::Map), map_(std::make_shared<const Map>(std::move(entries))) {}

Value Value::from_json(const nlohmann::ordered_json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::boolean:
      return Value(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return Value(j.get<std::int64_t>());
    case nlohmann::json::value_t::number_float:
      return Value(j.get<double>());
    case nlohmann::json::value_t::string:
      return Value(j.get<std::string>());
    case nlohmann::json::value_t::array: {
      List items;
      for (const auto& item : j) items.push_back(from_json(item));
      return Value(std::move(items));
    }
    case nlohmann::json::value_t::object: {
      Map entries;
      for (const auto& [k, v] : j.items()) entries.emplace(k, from_json(v));
      return Value(std::move(entries));
    }
    default:
      return Value();
  }
}

Value Value::ref(const CfnElement& element) {
  Value v;
  v.kind_ = Kind::Ref;
  v.target_ = &element;
  return v;
}

Value Value::get_att(const CfnElement& element, std::string attribute) {
  Value v;
  v.kind_ = Kind::GetAtt;
  v.target_ = &element;
  v.string_ = std::move(attribute);
  return v;
}

Value Value::intrinsic(std::string name, Value argument) {
  Value v;
  v.kind_ = Kind::Intrinsic;
  v.string_ = std::move(name);
  v.list_ = std::make_shared<const List>(List{std::move(argument)});
  return v;
}

Value Value::as_secret() const {
  Value v = *this;
  v.secret_ = true;
  return v;
}

}  // namespace heliocloud::construct
