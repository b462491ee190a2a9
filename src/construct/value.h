#pragma once
// A CloudFormation value that may refer to elements of the construct tree. Constructs never format
// intrinsic JSON by hand: they build Values, and the resolver (resolver.h) turns them into JSON per consuming
// stack, which is where a reference across stacks becomes an Export in the producer and Fn::ImportValue here.

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace heliocloud::construct {

class CfnElement;

class Value {
 public:
  enum class Kind { Null, Bool, Integer, Double, String, List, Map, Ref, GetAtt, Intrinsic };
  using List = std::vector<Value>;
  // Sorted keys: aws-cdk-lib's generated L1 classes emit properties alphabetically, so do we.
  using Map = std::map<std::string, Value>;

  Value() = default;
  Value(std::nullptr_t) {}  // NOLINT(google-explicit-constructor): values read like JSON literals
  Value(bool b);            // NOLINT(google-explicit-constructor)
  Value(int n);             // NOLINT(google-explicit-constructor)
  Value(std::int64_t n);    // NOLINT(google-explicit-constructor)
  Value(double d);          // NOLINT(google-explicit-constructor)
  Value(const char* s);     // NOLINT(google-explicit-constructor)
  Value(std::string s);     // NOLINT(google-explicit-constructor)
  Value(List items);        // NOLINT(google-explicit-constructor)
  Value(Map entries);       // NOLINT(google-explicit-constructor)

  static Value list(std::initializer_list<Value> items) { return Value(List(items)); }
  static Value map(std::initializer_list<std::pair<const std::string, Value>> entries) {
    return Value(Map(entries));
  }
  // Converts plain JSON (e.g. a context lookup result) into a literal value.
  static Value fromJson(const nlohmann::ordered_json& j);

  // {"Ref": <logical id of element>}, resolved per consuming stack.
  static Value ref(const CfnElement& element);
  // {"Fn::GetAtt": [<logical id>, attribute]}.
  static Value getAtt(const CfnElement& element, std::string attribute);
  // {name: argument}, e.g. Fn::Join or {"Ref": "AWS::Region"} for pseudo parameters.
  static Value intrinsic(std::string name, Value argument);

  Kind kind() const { return kind_; }
  bool isNull() const { return kind_ == Kind::Null; }
  bool isString() const { return kind_ == Kind::String; }
  // True when the value holds no reference or intrinsic anywhere inside (it is known at synth time).
  bool isLiteral() const;

  bool asBool() const { return bool_; }
  std::int64_t asInteger() const { return integer_; }
  double asDouble() const { return double_; }
  const std::string& asString() const { return string_; }  // also the attribute / intrinsic name
  const List& asList() const { return *list_; }
  const Map& asMap() const { return *map_; }
  const CfnElement& target() const { return *target_; }
  const Value& argument() const { return list_->front(); }

 private:
  Kind kind_ = Kind::Null;
  bool bool_ = false;
  std::int64_t integer_ = 0;
  double double_ = 0;
  std::string string_;
  std::shared_ptr<const List> list_;  // shared: values are copied freely between constructs
  std::shared_ptr<const Map> map_;
  const CfnElement* target_ = nullptr;
};

}  // namespace heliocloud::construct
