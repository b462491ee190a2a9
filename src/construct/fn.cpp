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

Value getAzs(Value region) {
  return Value::intrinsic("Fn::GetAZs", std::move(region));
}

Value importValue(Value exportName) {
  return Value::intrinsic("Fn::ImportValue", std::move(exportName));
}

Value if_(const std::string& conditionName, Value whenTrue, Value whenFalse) {
  return Value::intrinsic("Fn::If",
                          Value::list({Value(conditionName), std::move(whenTrue), std::move(whenFalse)}));
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

Value conditionRef(const std::string& conditionName) {
  return Value::intrinsic("Condition", Value(conditionName));
}

}  // namespace heliocloud::construct::fn

namespace heliocloud::construct::pseudo {

Value accountId() {
  return Value::intrinsic("Ref", Value("AWS::AccountId"));
}
Value region() {
  return Value::intrinsic("Ref", Value("AWS::Region"));
}
Value partition() {
  return Value::intrinsic("Ref", Value("AWS::Partition"));
}
Value stackName() {
  return Value::intrinsic("Ref", Value("AWS::StackName"));
}
Value stackId() {
  return Value::intrinsic("Ref", Value("AWS::StackId"));
}
Value urlSuffix() {
  return Value::intrinsic("Ref", Value("AWS::URLSuffix"));
}
Value noValue() {
  return Value::intrinsic("Ref", Value("AWS::NoValue"));
}

}  // namespace heliocloud::construct::pseudo
