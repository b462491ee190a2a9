#include "aws_constructs/efs_file_system.h"

#include <stdexcept>

#include "aws_constructs/kms_key.h"

namespace heliocloud::aws_constructs {

FileSystem::FileSystem(construct::Construct& scope, std::string id, const FileSystemProps& props)
    : Construct(scope, std::move(id)) {
  if (props.mount_targets && props.vpc == nullptr)
    throw std::invalid_argument(path() + ": a file system with mount targets needs a VPC");
  Value::Map p{{"BackupPolicy",
                Value::map({{"Status", Value(props.enable_automatic_backups ? "ENABLED" : "DISABLED")}})},
               {"Encrypted", Value(true)},
               {"ThroughputMode", Value(props.throughput_mode)}};
  // Only when asked for, as aws-cdk-lib does: adding the default explicitly to a file system deployed without
  // it is a change CloudFormation makes by replacing the file system (and its data).
  if (!props.performance_mode.empty()) p.emplace("PerformanceMode", Value(props.performance_mode));
  if (props.encryption_key != nullptr) p.emplace("KmsKeyId", props.encryption_key->key_arn());
  if (!props.transition_to_ia.empty())
    p.emplace("LifecyclePolicies",
              Value::list({Value::map({{"TransitionToIA", Value(props.transition_to_ia)}})}));
  resource_ = &make<construct::CfnResource>("Resource", "AWS::EFS::FileSystem", std::move(p),
                                            construct::TagStyle::KeyValueList, "FileSystemTags");
  resource_->apply_removal_policy(props.removal_policy);
  if (!props.mount_targets) return;

  security_group_ = props.security_group;
  if (security_group_ == nullptr)
    security_group_ = &make<SecurityGroup>(
        "EfsSecurityGroup",
        SecurityGroupProps{.vpc = props.vpc, .description = path() + "/EfsSecurityGroup"});
  const auto& subnets = props.subnets.empty() ? props.vpc->private_subnets() : props.subnets;
  for (std::size_t i = 0; i < subnets.size(); ++i) {
    auto& target = make<construct::CfnResource>(
        "EfsMountTarget" + std::to_string(i + 1), "AWS::EFS::MountTarget",
        Value::Map{{"FileSystemId", file_system_id()},
                   {"SecurityGroups", Value::list({security_group_->security_group_id()})},
                   {"SubnetId", subnets[i].subnet_id}});
    mount_targets_.push_back(&target);
  }
}

SecurityGroup& FileSystem::security_group() {
  if (security_group_ == nullptr)
    throw std::logic_error(path() + ": the file system has no mount targets, so no security group");
  return *security_group_;
}

}  // namespace heliocloud::aws_constructs
