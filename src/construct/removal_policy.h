#pragma once

namespace heliocloud::construct {

// What CloudFormation does with a resource when it leaves the template or the stack is deleted.
// RetainOnUpdateOrDelete is aws-cdk-lib's: DeletionPolicy RetainExceptOnCreate (a resource whose creation
// failed is cleaned up, one that was created is kept) and UpdateReplacePolicy Retain.
enum class RemovalPolicy { Destroy, Retain, Snapshot, RetainOnUpdateOrDelete };

}  // namespace heliocloud::construct
