#pragma once
// A CloudFormation custom resource served by a provider Lambda function (CloudFormation invokes it on
// create, update and delete and waits for its answer).

#include <string>

#include "construct/cfn_resource.h"

namespace heliocloud::aws_constructs {

using construct::Value;

struct CustomResourceProps {
  std::string resource_type;  // "Custom::Something"
  Value service_token;        // the provider function's ARN
  Value::Map properties;
};

class CustomResource : public construct::Construct {
 public:
  CustomResource(construct::Construct& scope, std::string id, CustomResourceProps props);
  construct::CfnResource& resource() { return *resource_; }

 private:
  construct::CfnResource* resource_;
};

}  // namespace heliocloud::aws_constructs
