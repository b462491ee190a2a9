#pragma once
// An EFS file system (aws-cdk-lib's efs.FileSystem): encrypted at rest, daily AWS Backup on, retained unless
// told otherwise, with a mount target in each given subnet behind one security group that admits NFS only
// from the groups allowed with allow_access_from. Without mount targets (mount_targets = false) it is the
// file system alone, for clients whose mount targets are made elsewhere (another VPC, another tool).

#include <optional>
#include <string>
#include <vector>

#include "aws_constructs/ec2_security_group.h"
#include "aws_constructs/ec2_vpc.h"
#include "construct/cfn_resource.h"
#include "construct/removal_policy.h"

namespace heliocloud::aws_constructs {

class Key;

inline constexpr int kNfsPort = 2049;

struct FileSystemProps {
  const IVpc* vpc = nullptr;  // needed for the mount targets
  // false: no mount targets and no security group; an EFS file system has mount targets in one VPC at a time.
  bool mount_targets = true;
  // Subnets for the mount targets (one per availability zone); the VPC's private subnets when empty.
  std::vector<SubnetInfo> subnets;
  const Key* encryption_key = nullptr;  // the AWS-managed EFS key when absent
  bool enable_automatic_backups = true;
  std::string performance_mode;  // empty: AWS's default, generalPurpose (not written to the template)
  std::string throughput_mode = "elastic";
  // Move files not read for this long to Infrequent Access ("AFTER_30_DAYS"); none when empty.
  std::string transition_to_ia;
  construct::RemovalPolicy removal_policy = construct::RemovalPolicy::Retain;
  SecurityGroup* security_group = nullptr;  // one is created when absent
};

class FileSystem : public construct::Construct {
 public:
  FileSystem(construct::Construct& scope, std::string id, const FileSystemProps& props);

  Value file_system_id() const { return resource_->ref(); }
  Value file_system_arn() const { return resource_->get_att("Arn"); }
  // Throws when the file system has no mount targets (and so no security group).
  SecurityGroup& security_group();
  const construct::CfnResource& resource() const { return *resource_; }
  const std::vector<construct::CfnResource*>& mount_targets() const { return mount_targets_; }

  // NFS (TCP 2049) from `clients` to the mount targets.
  void allow_access_from(SecurityGroup& clients) {
    security_group().allow_from(clients, Port::tcp(kNfsPort));
  }

 private:
  construct::CfnResource* resource_;
  SecurityGroup* security_group_ = nullptr;
  std::vector<construct::CfnResource*> mount_targets_;
};

}  // namespace heliocloud::aws_constructs
