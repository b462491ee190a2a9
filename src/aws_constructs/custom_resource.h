#pragma once
// A CloudFormation custom resource served by a provider Lambda function (CloudFormation invokes it on
// create, update and delete and waits for its answer).

#include <string>

#include "construct/cfn_resource.h"

namespace heliocloud::aws_constructs {

using construct::Value;

class CustomResource : public construct::Construct {
 public:
  // `type` is "Custom::Something"; `serviceToken` the provider function's ARN.
  CustomResource(construct::Construct& scope, std::string id, const std::string& type, Value serviceToken,
                 Value::Map properties);
  construct::CfnResource& resource() { return *resource_; }

 private:
  construct::CfnResource* resource_;
};

}  // namespace heliocloud::aws_constructs
