#pragma once

#include <string>

namespace heliocloud::construct {

// What CloudFormation does with a resource when it leaves the template or the stack is deleted.
enum class RemovalPolicy { Destroy, Retain, Snapshot, RetainOnUpdateOrDelete };

}  // namespace heliocloud::construct
