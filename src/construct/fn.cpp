#include "construct/fn.h"

#include <stdexcept>

namespace heliocloud::construct::fn {

Value join(std::string delimiter, Value::List parts) {
  return Value::intrinsic("Fn::Join", Value::list({Value(std::move(delimiter)), Value(std::move(parts))}));
}

Value sub(std::string body, Value::Map variables) {
  if (variables.empty()) return Value::intrinsic("Fn::Sub", Value(std::move(body)));
  return Value::intrinsic("Fn::Sub", Value::list({Value(std::move(body)), Value(std::move(variables))}));
}

Value select(int index, Value list) {
  if (index < 0) throw std::invalid_argument("Fn::Select index must not be negative");
  return Value::intrinsic("Fn::Select", Value::list({Value(index), std::move(list)}));
}

Value split(std::string delimiter, Value source) {
  return Value::intrinsic("Fn::Split", Value::list({Value(std::move(delimiter)), std::move(source)}));
}

Value get_azs(Value region) {
  return Value::intrinsic("Fn::GetAZs", std::move(region));
}

Value base64(Value text) {
  return Value::intrinsic("Fn::Base64", std::move(text));
}

Value import_value(Value export_name) {
  return Value::intrinsic("Fn::ImportValue", std::move(export_name));
}

Value if_(const std::string& condition_name, Value when_true, Value when_false) {
  return Value::intrinsic("Fn::If",
                          Value::list({Value(condition_name), std::move(when_true), std::move(when_false)}));
}

Value equals(Value a, Value b) {
  return Value::intrinsic("Fn::Equals", Value::list({std::move(a), std::move(b)}));
}

Value not_(Value condition) {
  return Value::intrinsic("Fn::Not", Value::list({std::move(condition)}));
}

namespace {
Value logical(const char* name, Value::List conditions) {
  // CloudFormation accepts 2..10 conditions in Fn::And / Fn::Or.
  if (conditions.size() < 2 || conditions.size() > 10)
    throw std::invalid_argument(std::string(name) + " takes 2 to 10 conditions");
  return Value::intrinsic(name, Value(std::move(conditions)));
}
}  // namespace

Value and_(Value::List conditions) {
  return logical("Fn::And", std::move(conditions));
}
Value or_(Value::List conditions) {
  return logical("Fn::Or", std::move(conditions));
}

Value contains(Value::List haystack, Value needle) {
  return Value::intrinsic("Fn::Contains", Value::list({Value(std::move(haystack)), std::move(needle)}));
}

Value condition_ref(const std::string& condition_name) {
  return Value::intrinsic("Condition", Value(condition_name));
}

}  // namespace heliocloud::construct::fn

namespace heliocloud::construct::pseudo {

Value account_id() {
  return Value::intrinsic("Ref", Value("AWS::AccountId"));
}
Value region() {
  return Value::intrinsic("Ref", Value("AWS::Region"));
}
Value partition() {
  return Value::intrinsic("Ref", Value("AWS::Partition"));
}
Value stack_name() {
  return Value::intrinsic("Ref", Value("AWS::StackName"));
}
Value stack_id() {
  return Value::intrinsic("Ref", Value("AWS::StackId"));
}
Value url_suffix() {
  return Value::intrinsic("Ref", Value("AWS::URLSuffix"));
}
Value no_value() {
  return Value::intrinsic("Ref", Value("AWS::NoValue"));
}

}  // namespace heliocloud::construct::pseudo
