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
  static Value from_json(const nlohmann::ordered_json& j);

  // {"Ref": <logical id of element>}, resolved per consuming stack.
  static Value ref(const CfnElement& element);
  // {"Fn::GetAtt": [<logical id>, attribute]}.
  static Value get_att(const CfnElement& element, std::string attribute);
  // {name: argument}, e.g. Fn::Join or {"Ref": "AWS::Region"} for pseudo parameters.
  static Value intrinsic(std::string name, Value argument);

  // The same reference, marked secret (a client secret, a password attribute): the resolver refuses to
  // export it to another stack, because CloudFormation exports are readable by anyone who may list them.
  Value as_secret() const;
  bool is_secret() const { return secret_; }

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::Null; }
  bool is_string() const { return kind_ == Kind::String; }

  bool as_bool() const { return bool_; }
  std::int64_t as_integer() const { return integer_; }
  double as_double() const { return double_; }
  const std::string& as_string() const { return string_; }  // also the attribute / intrinsic name
  const List& as_list() const { return *list_; }
  const Map& as_map() const { return *map_; }
  const CfnElement& target() const { return *target_; }
  const Value& argument() const { return list_->front(); }

 private:
  Kind kind_ = Kind::Null;
  bool secret_ = false;
  bool bool_ = false;
  std::int64_t integer_ = 0;
  double double_ = 0;
  std::string string_;
  std::shared_ptr<const List> list_;  // shared: values are copied freely between constructs
  std::shared_ptr<const Map> map_;
  const CfnElement* target_ = nullptr;
};

}  // namespace heliocloud::construct
