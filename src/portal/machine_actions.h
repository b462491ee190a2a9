#pragma once
// What a user may do to machines, checked on the server before EC2 is asked (the original checked nothing,
// webapps doc §9.1-3): only machines tagged Owner = the user (403 otherwise, whether the machine is someone
// else's or does not exist, so nobody learns which), at most kMaxRunningMachines running or pending, counted
// on start as well as on launch. Two requests at the same instant could both pass the count; the identity
// pool role's tag conditions are the hard boundary, this is the user-facing rule.
#include <string>
#include <vector>

#include "aws/ec2.h"
#include "portal/launch_request.h"

namespace heliocloud::portal {

// Where users' machines go (from the settings).
struct LaunchTarget {
  std::string subnet_id;
  std::string security_group_id;
  std::string instance_profile_arn;
};

// True for i- followed by 8 or 17 lower-case hex digits.
[[nodiscard]] bool is_instance_id(std::string_view id) noexcept;

class MachineActions {
 public:
  // `ec2` has the user's credentials; `owner` is the user's Cognito user name.
  MachineActions(const aws::Ec2Client& ec2, std::string owner);

  // The user's machines that are not terminated (or shutting down).
  [[nodiscard]] std::vector<aws::Instance> list() const;
  // The user's machine `instance_id`; HttpError 400 for a malformed id, 403 when it is not the user's.
  [[nodiscard]] aws::Instance owned(const std::string& instance_id) const;

  // HttpError 409 when the machine is not stopped or the user has the maximum running already.
  void start(const std::string& instance_id) const;
  // HttpError 409 when it is not running.
  void stop(const std::string& instance_id) const;
  void terminate(const std::string& instance_id) const;

  // HttpError 409 at the running limit; returns the new machine's id.
  std::string launch(const LaunchPlan& plan, const LaunchTarget& target) const;
  // The message for the limit, or empty when another machine may run.
  [[nodiscard]] std::string running_limit_problem() const;

 private:
  const aws::Ec2Client& ec2_;
  std::string owner_;
};

}  // namespace heliocloud::portal
