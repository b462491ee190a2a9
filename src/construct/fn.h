#pragma once
// Intrinsic functions and pseudo parameters as typed Values (CloudFormation "Intrinsic function reference").

#include <string>

#include "construct/value.h"

namespace heliocloud::construct::fn {

Value join(std::string delimiter, Value::List parts);
// Fn::Sub with explicit variables; "${AWS::Region}" and other pseudo parameters need no variable.
Value sub(std::string body, Value::Map variables = {});
Value select(int index, Value list);
Value split(std::string delimiter, Value source);
Value get_azs(Value region = Value(""));
Value import_value(Value export_name);
Value base64(Value text);
Value if_(const std::string& condition_name, Value when_true, Value when_false);
Value equals(Value a, Value b);
Value not_(Value condition);
Value and_(Value::List conditions);
Value or_(Value::List conditions);
Value contains(Value::List haystack, Value needle);
// {"Condition": name} inside Fn::And/Or/Not.
Value condition_ref(const std::string& condition_name);

}  // namespace heliocloud::construct::fn

namespace heliocloud::construct::pseudo {

Value account_id();
Value region();
Value partition();
Value stack_name();
Value stack_id();
Value url_suffix();
Value no_value();

}  // namespace heliocloud::construct::pseudo
