#pragma once
// The IAM statements of the Daskhub: what the admin host needs to build and tear down the EKS cluster with
// the deploy kit (eksctl, the kit's own AWS calls), and the three policies the cluster's service accounts get
// (external-dns, cluster-autoscaler, EFS mount). Each is as narrow as the service's IAM allows: scoped to the
// cluster's name (eksctl names every stack and role it makes "eksctl-<cluster>-..."), the hosted zone, the
// file system, this stack; where a statement must say "*" the comment beside it says why.
//
// These lists are hand-written because they describe tools that run outside CloudFormation (eksctl, the kit,
// the cluster's controllers); permissions on resources of this installer come from the constructs' grants.

#include <string>
#include <vector>

#include "aws_constructs/iam.h"
#include "construct/stack.h"

namespace heliocloud::stacks::daskhub_permissions {

using aws_constructs::PolicyStatement;
using construct::Value;

// "arn:<partition>:<service>:<region>:<account>:<resource>" in `stack`'s environment; `regional` false leaves
// the region empty (IAM, Route 53), `with_account` false the account (AWS-owned SSM parameters).
Value arn(const construct::Stack& stack, const std::string& service, const std::string& resource,
          bool regional = true, bool with_account = true);

// external-dns: CNAME records with exactly these names (lower case, no trailing dot) in the zone, created or
// updated (it runs with --policy=upsert-only and --aws-prefer-cname), never deleted.
std::vector<PolicyStatement> external_dns(const Value& zone_arn, const std::vector<std::string>& host_names);

// cluster-autoscaler: reads every group, scales only the node groups tagged as this cluster's.
std::vector<PolicyStatement> cluster_autoscaler(const construct::Stack& stack, const std::string& cluster);

// The original's EFS mount policy: mount targets of this file system only.
std::vector<PolicyStatement> efs_mount(const construct::Stack& stack, const std::string& cluster,
                                       const Value& file_system_arn);

// eksctl, for the cluster, its node groups, add-ons and service-account roles: EKS, its CloudFormation
// stacks, its IAM roles and OIDC provider, the EKS AMI parameters, the cluster's log group.
std::vector<PolicyStatement> eksctl_cluster(const construct::Stack& stack, const std::string& cluster);

// eksctl's VPC, security groups and launch templates (through CloudFormation, with the caller's
// permissions), the EFS mount targets' network interfaces, and the load balancers it removes at teardown.
std::vector<PolicyStatement> eksctl_network(const construct::Stack& stack, const std::string& cluster);

// The kit's own calls besides eksctl: finding its stack (00-bootstrap.sh), the Cognito client secrets (03,
// 04), the EKS secrets-encryption key, the EFS mount targets (02, 99).
std::vector<PolicyStatement> kit(const Value& user_pool_arn, const Value& key_arn,
                                 const Value& file_system_arn);

// 99-delete-daskhub.sh: puts the hub's record back to the stack's placeholder (so that CloudFormation can
// delete it) and deletes the records external-dns made for `deleted_host_names` (Kubecost, Grafana).
std::vector<PolicyStatement> dns_teardown(const Value& zone_arn, const std::string& hub_host_name,
                                          const std::vector<std::string>& deleted_host_names);

}  // namespace heliocloud::stacks::daskhub_permissions
