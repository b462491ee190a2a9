#include "aws_constructs/custom_resource.h"

namespace heliocloud::aws_constructs {

CustomResource::CustomResource(construct::Construct& scope, std::string id, const std::string& type,
                               Value serviceToken, Value::Map properties)
    : Construct(scope, std::move(id)) {
  properties.emplace("ServiceToken", std::move(serviceToken));
  resource_ = &make<construct::Construct>("Default").make<construct::CfnResource>("Resource", type,
                                                                                  std::move(properties));
  // Deleting a custom resource must run its provider; retaining it would skip the cleanup it exists for.
  resource_->applyRemovalPolicy(construct::RemovalPolicy::Destroy);
}

}  // namespace heliocloud::aws_constructs
