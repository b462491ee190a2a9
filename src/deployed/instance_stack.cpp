#include "deployed/instance_stack.h"

#include "aws/errors.h"
#include "base/unique_id.h"

namespace heliocloud::deployed {

std::string stack_name(const std::string& instance, std::string_view stack_id) {
  return base::make_unique_id({instance, std::string(stack_id)});
}

std::string deploy_hint(const std::string& instance, std::string_view stack_id) {
  return "deploy it with: cdk deploy " + instance + "/" + std::string(stack_id) + " -c instance=" + instance;
}

std::string unusable_reason(const std::string& instance, std::string_view stack_id, const aws::Stack& stack) {
  // A stack whose creation never completed has no usable outputs (and one being deleted soon will not). An
  // UPDATE_ROLLBACK_COMPLETE stack still runs its previous version, so it counts as usable.
  for (const char* bad : {"CREATE_IN_PROGRESS", "CREATE_FAILED", "ROLLBACK_", "DELETE_"}) {
    if (stack.status.starts_with(bad)) {
      return "the " + std::string(stack_id) + " stack " + stack.name + " of instance " + instance + " is " +
             stack.status + (stack.status_reason.empty() ? "" : " (" + stack.status_reason + ")") + "; " +
             deploy_hint(instance, stack_id);
    }
  }
  return {};
}

base::Result<aws::Stack> find_stack(const aws::CloudFormationClient& cfn, const std::string& instance,
                                    std::string_view stack_id, const std::string& region) {
  const auto name = stack_name(instance, stack_id);
  const auto not_deployed = [&] {
    return base::Result<aws::Stack>::failure(
        "instance " + instance + " has no " + std::string(stack_id) + " stack (CloudFormation stack " + name +
        ") in region " + (region.empty() ? "(default)" : region) + "; " + deploy_hint(instance, stack_id) +
        ", or pass --region if it is deployed elsewhere");
  };
  aws::Stack stack;
  try {
    stack = cfn.describe_stack(name);
  } catch (const aws::NotFoundError&) {
    return not_deployed();
  } catch (const aws::ValidationError& e) {
    // Some endpoints answer "Stack with id X does not exist" as a plain ValidationError.
    if (e.aws_message().find("does not exist") == std::string::npos) throw;
    return not_deployed();
  }
  if (auto why = unusable_reason(instance, stack_id, stack); !why.empty())
    return base::Result<aws::Stack>::failure(std::move(why));
  return base::Result<aws::Stack>::success(std::move(stack));
}

}  // namespace heliocloud::deployed
