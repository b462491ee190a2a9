#pragma once
// Who can be granted permissions: aws-cdk-lib's IGrantable. A resource's grant_* methods add the statement
// to the principal's identity policy, so a stack says what a function may do ("read this bucket"), not
// which actions that takes.

#include <string>
#include <vector>

#include "aws_constructs/iam.h"

namespace heliocloud::aws_constructs {

class IGrantable {
 public:
  virtual ~IGrantable() = default;
  // Adds an Allow statement to the principal's policy (a role's DefaultPolicy).
  virtual void add_to_principal_policy(PolicyStatement statement) = 0;
};

// Allows `actions` on `resources` to `principal`.
void grant(IGrantable& principal, std::vector<std::string> actions, std::vector<Value> resources);

}  // namespace heliocloud::aws_constructs
