#include "portal/machine_actions.h"

#include "contracts/portal.h"
#include "portal/limits.h"
#include "portal/machine_list.h"
#include "web/http_error.h"

namespace heliocloud::portal {
namespace {

aws::Filter owner_filter(const std::string& owner) {
  return {.name = "tag:" + std::string(contracts::portal::kOwnerTag), .values = {owner}};
}

}  // namespace

bool is_instance_id(std::string_view id) noexcept {
  if (!id.starts_with("i-")) return false;
  const auto hex = id.substr(2);
  if (hex.size() != 8 && hex.size() != 17) return false;
  for (const char c : hex)
    if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) return false;
  return true;
}

MachineActions::MachineActions(const aws::Ec2Client& ec2, std::string owner)
    : ec2_(ec2), owner_(std::move(owner)) {}

std::vector<aws::Instance> MachineActions::list() const {
  return ec2_.describe_instances(
      {owner_filter(owner_),
       {.name = "instance-state-name", .values = {"pending", "running", "stopping", "stopped"}}});
}

aws::Instance MachineActions::owned(const std::string& instance_id) const {
  if (!is_instance_id(instance_id))
    throw web::HttpError(
        400, "Instance id: '" + instance_id + "' is not an EC2 instance id (i-0123456789abcdef0).");
  // By filter rather than by id: an id EC2 does not know is then "not yours" too, not an AWS error.
  auto found =
      ec2_.describe_instances({owner_filter(owner_), {.name = "instance-id", .values = {instance_id}}});
  if (found.empty() || found.front().state == "terminated")
    throw web::HttpError(403, "Instance " + instance_id + " is not one of your machines.");
  return found.front();
}

std::string MachineActions::running_limit_problem() const {
  const int running = count_running(list());
  if (running < kMaxRunningMachines) return {};
  return "You have " + std::to_string(running) + " running machines, the most allowed (" +
         std::to_string(kMaxRunningMachines) + "). Stop one before starting another.";
}

void MachineActions::start(const std::string& instance_id) const {
  const auto machine = owned(instance_id);
  if (machine.state != "stopped")
    throw web::HttpError(
        409, "Instance " + instance_id + " is " + machine.state + "; only a stopped machine can start.");
  if (auto problem = running_limit_problem(); !problem.empty()) throw web::HttpError(409, problem);
  (void)ec2_.start_instances({instance_id});
}

void MachineActions::stop(const std::string& instance_id) const {
  const auto machine = owned(instance_id);
  if (!is_running(machine))
    throw web::HttpError(
        409, "Instance " + instance_id + " is " + machine.state + "; only a running machine can stop.");
  (void)ec2_.stop_instances({instance_id});
}

void MachineActions::terminate(const std::string& instance_id) const {
  (void)owned(instance_id);
  (void)ec2_.terminate_instances({instance_id});
}

std::string MachineActions::launch(const LaunchPlan& plan, const LaunchTarget& target) const {
  if (auto problem = running_limit_problem(); !problem.empty()) throw web::HttpError(409, problem);
  aws::RunInstanceRequest request{
      .image_id = plan.image.image.image_id,
      .instance_type = plan.instance_type,
      .key_name = plan.key_name,
      .subnet_id = std::nullopt,
      .security_group_ids = {},
      .instance_profile_arn = std::nullopt,
      .root_device_name = plan.image.image.root_device_name,
      .root_volume_size_gb = plan.volume_gb,
      .tags = {{.key = std::string(contracts::portal::kOwnerTag), .value = owner_},
               {.key = "Name", .value = plan.name},
               {.key = "Dashboard", .value = "True"}}};
  if (!target.subnet_id.empty()) request.subnet_id = target.subnet_id;
  if (!target.security_group_id.empty()) request.security_group_ids = {target.security_group_id};
  if (!target.instance_profile_arn.empty()) request.instance_profile_arn = target.instance_profile_arn;
  return ec2_.run_instance(request).instance_id;
}

}  // namespace heliocloud::portal
