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
Value getAzs(Value region = Value(""));
Value importValue(Value exportName);
Value if_(const std::string& conditionName, Value whenTrue, Value whenFalse);
Value equals(Value a, Value b);
Value not_(Value condition);
Value and_(Value::List conditions);
Value or_(Value::List conditions);
Value contains(Value::List haystack, Value needle);
// {"Condition": name} inside Fn::And/Or/Not.
Value conditionRef(const std::string& conditionName);

}  // namespace heliocloud::construct::fn

namespace heliocloud::construct::pseudo {

Value accountId();
Value region();
Value partition();
Value stackName();
Value stackId();
Value urlSuffix();
Value noValue();

}  // namespace heliocloud::construct::pseudo
