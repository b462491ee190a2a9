#pragma once
// An EC2 instance with safe defaults (aws-cdk-lib's ec2.Instance with `init` and requireImdsv2): its own
// role and instance profile, instance metadata only through IMDSv2 tokens (a launch template, the one place
// CloudFormation takes that setting), an encrypted gp3 root volume, and cfn-init: the files and commands
// below go into the AWS::CloudFormation::Init metadata, the UserData runs cfn-init and signals the result,
// and CloudFormation waits for that signal (CreationPolicy) before it calls the instance created. With
// apply_metadata_updates, a stack update that changes the init metadata reaches the running instance too.

#include <string>
#include <vector>

#include "aws_constructs/ec2_security_group.h"
#include "aws_constructs/ec2_vpc.h"
#include "aws_constructs/grant.h"
#include "aws_constructs/iam_role.h"
#include "construct/cfn_resource.h"

namespace heliocloud::aws_constructs {

class Key;

// A file cfn-init writes.
struct InitFile {
  std::string path;  // absolute
  Value content;
  std::string mode = "000644";
  std::string owner = "root";
  std::string group = "root";
};

// A command cfn-init runs after writing the files; commands run in the order given.
struct InitCommand {
  std::string name;  // what it does, e.g. "start-service"
  std::string command;
};

struct InstanceProps {
  const IVpc* vpc = nullptr;
  // The role the instance runs as (its instance profile's); one assumed by EC2 is created when absent.
  Role* role = nullptr;
  std::string instance_type = "t3.micro";
  // The SSM parameter that holds the AMI id: the latest Amazon Linux 2023 unless told otherwise.
  std::string image_parameter = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
  bool in_public_subnet = false;            // the first private subnet otherwise
  SecurityGroup* security_group = nullptr;  // one is created (all outbound, no inbound) when absent
  int root_volume_gb = 16;
  std::string root_device_name = "/dev/xvda";  // Amazon Linux's
  const Key* root_volume_key = nullptr;        // the account's default EBS key when absent
  // Commands run before the files are written (e.g. creating the user that will own them).
  std::vector<InitCommand> init_prepare_commands;
  std::vector<InitFile> init_files;
  std::vector<InitCommand> init_commands;
  // cfn-init runs at first boot only. With this, cfn-hup checks the stack every few minutes and runs cfn-init
  // again when an update changed the metadata, so new files and commands reach the running instance without
  // replacing it (a UserData change would stop and start it).
  bool apply_metadata_updates = false;
  std::string signal_timeout = "PT15M";  // ISO 8601: how long CloudFormation waits for cfn-signal
};

class Instance : public construct::Construct, public IGrantable {
 public:
  Instance(construct::Construct& scope, std::string id, InstanceProps props);

  Value instance_id() const { return resource_->ref(); }
  Value private_ip() const { return resource_->get_att("PrivateIp"); }
  Role& role() { return *role_; }
  SecurityGroup& security_group() { return *security_group_; }
  const construct::CfnResource& resource() const { return *resource_; }

  void add_to_principal_policy(PolicyStatement statement) override {
    role_->add_to_policy(std::move(statement));
  }

 private:
  Role* role_;
  SecurityGroup* security_group_;
  construct::CfnResource* resource_;
};

}  // namespace heliocloud::aws_constructs
