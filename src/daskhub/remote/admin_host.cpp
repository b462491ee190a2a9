#include "daskhub/remote/admin_host.h"

#include "contracts/daskhub.h"
#include "contracts/stack_names.h"
#include "daskhub/remote/setup_error.h"
#include "deployed/instance_stack.h"

namespace heliocloud::daskhub::remote {
namespace {

constexpr std::string_view kStackId = contracts::stacks::kDaskhub;

// "i-" and 8 or 17 lowercase hex digits, as EC2 issues them.
bool is_instance_id(std::string_view id) {
  if (!id.starts_with("i-") || (id.size() != 10 && id.size() != 19)) return false;
  for (const char c : id.substr(2)) {
    if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) return false;
  }
  return true;
}

}  // namespace

AdminHost admin_host_from(const std::string& instance, const aws::Stack& stack) {
  const std::string key(contracts::daskhub::outputs::kInstanceId);
  const auto id = stack.output(key);
  const auto where = "the Daskhub stack " + stack.name + " of instance " + instance;
  if (id.empty()) {
    throw SetupError(where + " has no output " + key +
                     " (the admin host's instance id; was it deployed by an older installer?); " +
                     deployed::deploy_hint(instance, kStackId));
  }
  if (!is_instance_id(id)) {
    throw SetupError(where + " has output " + key + " = \"" + id +
                     "\", which is not an EC2 instance id (i- and 8 or 17 hex digits); " +
                     deployed::deploy_hint(instance, kStackId));
  }
  return {.stack_name = stack.name, .instance_id = id};
}

AdminHost find_admin_host(const aws::CloudFormationClient& cfn, const std::string& instance,
                          const std::string& region) {
  auto found = deployed::find_stack(cfn, instance, kStackId, region);
  if (!found.ok()) throw SetupError(found.error);
  return admin_host_from(instance, found.get());
}

}  // namespace heliocloud::daskhub::remote
