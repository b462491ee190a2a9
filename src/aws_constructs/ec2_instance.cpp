#include "aws_constructs/ec2_instance.h"

#include <cstdio>
#include <stdexcept>

#include "aws_constructs/kms_key.h"
#include "construct/cfn_parameter.h"
#include "construct/fn.h"

namespace heliocloud::aws_constructs {
namespace {

constexpr const char* kConfigSet = "default";
constexpr const char* kCfnBin = "/opt/aws/bin";

// cfn-init runs commands in the alphabetical order of their keys; the number keeps the order given.
Value command_map(const std::vector<InitCommand>& commands) {
  Value::Map map;
  for (std::size_t i = 0; i < commands.size(); ++i) {
    char order[8];
    std::snprintf(order, sizeof order, "%03zu", (i + 1) * 10);
    map.emplace(std::string(order) + "_" + commands[i].name,
                Value::map({{"command", Value(commands[i].command)}}));
  }
  return Value(std::move(map));
}

// The AWS::CloudFormation::Init metadata: one config set of an optional "prepare" config (commands only),
// then "config" with the files, then its commands (cfn-init writes files before it runs commands).
Value init_metadata(const std::vector<InitCommand>& prepare, const std::vector<InitFile>& files,
                    const std::vector<InitCommand>& commands) {
  Value::Map file_map;
  for (const auto& f : files)
    file_map.emplace(f.path, Value::map({{"content", f.content},
                                         {"group", Value(f.group)},
                                         {"mode", Value(f.mode)},
                                         {"owner", Value(f.owner)}}));
  Value::Map config;
  if (!file_map.empty()) config.emplace("files", Value(std::move(file_map)));
  if (!commands.empty()) config.emplace("commands", command_map(commands));
  Value::List order;
  Value::Map init;
  if (!prepare.empty()) {
    order.emplace_back("prepare");
    init.emplace("prepare", Value::map({{"commands", command_map(prepare)}}));
  }
  order.emplace_back("config");
  init.emplace("config", Value(std::move(config)));
  init.emplace("configSets", Value::map({{kConfigSet, Value(std::move(order))}}));
  return Value(std::move(init));
}

std::string cfn_init_command(const std::string& logical_id) {
  return std::string(kCfnBin) + "/cfn-init -v --region ${AWS::Region} --stack ${AWS::StackName} --resource " +
         logical_id + " -c " + kConfigSet;
}

// cfn-hup as a systemd timer that runs one check (--no-daemon) every five minutes: nothing to daemonize or
// keep alive, and the first check comes after the first boot's cfn-init has finished. The hook runs cfn-init
// again when the stack's init metadata of this instance changed.
void add_metadata_update_hook(const std::string& logical_id, std::vector<InitFile>& files,
                              std::vector<InitCommand>& commands) {
  const auto root_file = [](std::string path, Value content) {
    return InitFile{.path = std::move(path), .content = std::move(content), .mode = "000400"};
  };
  files.push_back(root_file("/etc/cfn/cfn-hup.conf",
                            construct::fn::sub("[main]\nstack=${AWS::StackId}\nregion=${AWS::Region}\n")));
  files.push_back(root_file(
      "/etc/cfn/hooks.d/cfn-auto-reloader.conf",
      construct::fn::sub("[cfn-auto-reloader-hook]\ntriggers=post.update\npath=Resources." + logical_id +
                         ".Metadata.AWS::CloudFormation::Init\naction=" + cfn_init_command(logical_id) +
                         "\nrunas=root\n")));
  files.push_back(root_file("/etc/systemd/system/cfn-hup.service",
                            Value("[Unit]\n"
                                  "Description=Apply CloudFormation metadata updates (one cfn-hup check)\n"
                                  "Wants=network-online.target\n"
                                  "After=network-online.target\n\n"
                                  "[Service]\n"
                                  "Type=oneshot\n"
                                  "ExecStart=" +
                                  std::string(kCfnBin) + "/cfn-hup --no-daemon\n")));
  files.push_back(root_file("/etc/systemd/system/cfn-hup.timer",
                            Value("[Unit]\n"
                                  "Description=Check for CloudFormation metadata updates every 5 minutes\n\n"
                                  "[Timer]\n"
                                  "OnActiveSec=5min\n"
                                  "OnUnitActiveSec=5min\n\n"
                                  "[Install]\n"
                                  "WantedBy=timers.target\n")));
  commands.push_back({.name = "enable-cfn-hup",
                      .command = "systemctl daemon-reload && systemctl enable --now cfn-hup.timer"});
}

}  // namespace

Instance::Instance(construct::Construct& scope, std::string id, InstanceProps props)
    : Construct(scope, std::move(id)), role_(props.role), security_group_(props.security_group) {
  if (props.vpc == nullptr) throw std::invalid_argument(path() + ": an instance needs a VPC");
  const auto& subnets = props.in_public_subnet ? props.vpc->public_subnets() : props.vpc->private_subnets();
  if (subnets.empty()) throw std::invalid_argument(path() + ": the VPC has no subnet of the kind asked for");
  if (security_group_ == nullptr)
    security_group_ = &make<SecurityGroup>("InstanceSecurityGroup",
                                           SecurityGroupProps{.vpc = props.vpc, .description = path()});
  if (role_ == nullptr) role_ = &make<Role>("InstanceRole", RoleProps{.assumed_by = "ec2.amazonaws.com"});
  auto& profile = make<construct::CfnResource>("InstanceProfile", "AWS::IAM::InstanceProfile",
                                               Value::Map{{"Roles", Value::list({role_->role_name()})}});
  auto& image = make<construct::CfnParameter>(
      "ImageId", construct::ParameterProps{.type = "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
                                           .default_value = Value(props.image_parameter)});
  auto& launch_template = make<construct::CfnResource>(
      "LaunchTemplate", "AWS::EC2::LaunchTemplate",
      Value::Map{{"LaunchTemplateData",
                  // Tokens only: a process on the instance (or a forwarded request) cannot read the role's
                  // credentials with a plain GET, and one network hop is all the instance itself needs.
                  Value::map({{"MetadataOptions", Value::map({{"HttpPutResponseHopLimit", Value(1)},
                                                              {"HttpTokens", Value("required")}})}})}});

  Value::Map ebs{{"DeleteOnTermination", Value(true)},
                 {"Encrypted", Value(true)},
                 {"VolumeSize", Value(props.root_volume_gb)},
                 {"VolumeType", Value("gp3")}};
  if (props.root_volume_key != nullptr) ebs.emplace("KmsKeyId", props.root_volume_key->key_arn());
  resource_ = &make<construct::CfnResource>(
      "Resource", "AWS::EC2::Instance",
      Value::Map{
          {"BlockDeviceMappings", Value::list({Value::map({{"DeviceName", Value(props.root_device_name)},
                                                           {"Ebs", Value(std::move(ebs))}})})},
          {"IamInstanceProfile", profile.ref()},
          {"ImageId", image.ref()},
          {"InstanceType", Value(props.instance_type)},
          {"LaunchTemplate", Value::map({{"LaunchTemplateId", launch_template.ref()},
                                         {"Version", launch_template.get_att("LatestVersionNumber")}})},
          {"SecurityGroupIds", Value::list({security_group_->security_group_id()})},
          {"SubnetId", subnets.front().subnet_id}},
      construct::TagStyle::KeyValueList);
  // The role must exist with its permissions before the instance boots and signals.
  resource_->add_dependency(role_->resource());

  const std::string self = resource_->logical_id();
  const std::string script = "#!/bin/bash\n" + cfn_init_command(self) + "\n" + kCfnBin +
                             "/cfn-signal -e $? --region ${AWS::Region} --stack ${AWS::StackName} "
                             "--resource " +
                             self + "\n";
  resource_->set_property("UserData", construct::fn::base64(construct::fn::sub(script)));
  if (props.apply_metadata_updates) add_metadata_update_hook(self, props.init_files, props.init_commands);
  resource_->set_metadata_value(
      "AWS::CloudFormation::Init",
      init_metadata(props.init_prepare_commands, props.init_files, props.init_commands));
  resource_->set_attribute(
      "CreationPolicy",
      Value::map(
          {{"ResourceSignal", Value::map({{"Count", Value(1)}, {"Timeout", Value(props.signal_timeout)}})}}));
  // cfn-init reads the metadata and cfn-signal answers the creation policy, both as this role.
  grant(*this, {"cloudformation:DescribeStackResource", "cloudformation:SignalResource"},
        {construct::pseudo::stack_id()});
  if (const auto* policy = role_->default_policy()) resource_->add_dependency(*policy);
}

}  // namespace heliocloud::aws_constructs
