#include "aws_constructs/custom_resource.h"

namespace heliocloud::aws_constructs {

CustomResource::CustomResource(construct::Construct& scope, std::string id, CustomResourceProps props)
    : Construct(scope, std::move(id)) {
  props.properties.emplace("ServiceToken", std::move(props.service_token));
  resource_ = &make<construct::Construct>("Default").make<construct::CfnResource>(
      "Resource", props.resource_type, std::move(props.properties));
  // Deleting a custom resource must run its provider; retaining it would skip the cleanup it exists for.
  resource_->apply_removal_policy(construct::RemovalPolicy::Destroy);
}

}  // namespace heliocloud::aws_constructs
