#pragma once
// <instance>/Daskhub: the admin host from which an operator builds the EKS cluster and installs JupyterHub +
// Dask with the deploy kit (src/daskhub, delivered by cfn-init), and what the cluster uses from outside it:
// the shared home volume (EFS), the key that encrypts the cluster's secrets, the policies of its service
// accounts, the hub's DNS record, and the two API tokens in Secrets Manager. The stack outputs are the kit's
// contract (contracts/daskhub.h).

#include <string>
#include <vector>

#include "aws_constructs/ec2_instance.h"
#include "aws_constructs/efs_file_system.h"
#include "aws_constructs/iam.h"
#include "aws_constructs/iam_role.h"
#include "aws_constructs/kms_key.h"
#include "aws_constructs/route53.h"
#include "aws_constructs/secret.h"
#include "config/instance_config.h"
#include "construct/stack.h"

namespace heliocloud::stacks {

class AuthStack;
class BaseStack;

class DaskhubStack : public construct::Stack {
 public:
  DaskhubStack(construct::Construct& scope, std::string id, const config::InstanceConfig& config,
               const BaseStack& base, const AuthStack& auth, construct::StackProps props);

  const aws_constructs::Instance& admin_host() const { return *host_; }

 private:
  void add_dns(const config::InstanceConfig& config);
  void add_cluster_policies(const config::InstanceConfig& config);
  void add_admin_role(const config::InstanceConfig& config, const BaseStack& base, const AuthStack& auth);
  void add_admin_host(const config::InstanceConfig& config, const BaseStack& base);
  void add_outputs(const config::InstanceConfig& config, const BaseStack& base, const AuthStack& auth);

  // The hosted zone's ARN, or every zone's when the stack cannot look it up (environment-agnostic).
  construct::Value zone_arn() const;

  const aws_constructs::LookedUpHostedZone* zone_ = nullptr;
  std::vector<std::string> dns_names_;  // what external-dns may write: the hub's, Kubecost's, Grafana's
  aws_constructs::Key* key_ = nullptr;
  aws_constructs::FileSystem* file_system_ = nullptr;
  construct::Value file_system_arn_;
  aws_constructs::Secret* hub_api_key_ = nullptr;
  aws_constructs::Secret* gateway_api_key_ = nullptr;
  aws_constructs::ManagedPolicy* external_dns_policy_ = nullptr;
  aws_constructs::ManagedPolicy* autoscaler_policy_ = nullptr;
  aws_constructs::ManagedPolicy* efs_mount_policy_ = nullptr;
  aws_constructs::Role* admin_role_ = nullptr;
  aws_constructs::Instance* host_ = nullptr;
};

}  // namespace heliocloud::stacks
