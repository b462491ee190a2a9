#include "aws_constructs/grant.h"

namespace heliocloud::aws_constructs {

void grant(IGrantable& principal, std::vector<std::string> actions, std::vector<Value> resources) {
  PolicyStatement statement;
  statement.actions = std::move(actions);
  statement.resources = std::move(resources);
  principal.add_to_principal_policy(std::move(statement));
}

}  // namespace heliocloud::aws_constructs
