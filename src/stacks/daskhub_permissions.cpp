#include "stacks/daskhub_permissions.h"

#include "construct/fn.h"

namespace heliocloud::stacks::daskhub_permissions {
namespace {

PolicyStatement allow(std::vector<std::string> actions, std::vector<Value> resources,
                      Value condition = nullptr) {
  PolicyStatement s;
  s.actions = std::move(actions);
  s.resources = std::move(resources);
  s.condition = std::move(condition);
  return s;
}

Value strings(const std::vector<std::string>& items) {
  Value::List list;
  for (const auto& item : items) list.emplace_back(item);
  return Value(std::move(list));
}

// Read-only calls of these services that IAM cannot scope to a resource (the service authorizes them only
// against "*"); they return descriptions, never data or secrets.
// NOLINTNEXTLINE(bugprone-throwing-static-initialization): only running out of memory at start could throw
const Value kAnyResource("*");

}  // namespace

Value arn(const construct::Stack& stack, const std::string& service, const std::string& resource,
          bool regional, bool with_account) {
  return construct::fn::join("", {Value("arn:"), construct::pseudo::partition(), Value(":" + service + ":"),
                                  regional ? stack.region() : Value(""), Value(":"),
                                  with_account ? stack.account() : Value(""), Value(":" + resource)});
}

std::vector<PolicyStatement> external_dns(const Value& zone_arn, const std::vector<std::string>& host_names) {
  return {
      allow({"route53:ChangeResourceRecordSets"}, {zone_arn},
            Value::map(
                {{"ForAllValues:StringEquals",
                  Value::map({{"route53:ChangeResourceRecordSetsActions", strings({"CREATE", "UPSERT"})},
                              {"route53:ChangeResourceRecordSetsNormalizedRecordNames", strings(host_names)},
                              {"route53:ChangeResourceRecordSetsRecordTypes", strings({"CNAME"})}})}})),
      allow({"route53:ListResourceRecordSets", "route53:ListTagsForResource"}, {zone_arn}),
      // Listing zones is authorized only against "*"; it is how external-dns finds the zone's id.
      allow({"route53:ListHostedZones"}, {kAnyResource}),
  };
}

std::vector<PolicyStatement> cluster_autoscaler(const construct::Stack& stack, const std::string& cluster) {
  return {
      // Describe calls: authorized only against "*".
      allow({"autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingInstances",
             "autoscaling:DescribeLaunchConfigurations", "autoscaling:DescribeScalingActivities",
             "autoscaling:DescribeTags", "ec2:DescribeImages", "ec2:DescribeInstanceTypes",
             "ec2:DescribeLaunchTemplateVersions", "ec2:GetInstanceTypesFromInstanceRequirements"},
            {kAnyResource}),
      // Scaling: only the groups EKS tagged as this cluster's (every managed node group carries the tag).
      allow({"autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"},
            {arn(stack, "autoscaling", "autoScalingGroup:*:autoScalingGroupName/*")},
            Value::map({{"StringEquals",
                         Value::map({{"aws:ResourceTag/k8s.io/cluster-autoscaler/" + cluster, "owned"}})}})),
      allow({"eks:DescribeNodegroup"}, {arn(stack, "eks", "nodegroup/" + cluster + "/*")}),
  };
}

std::vector<PolicyStatement> efs_mount(const construct::Stack& stack, const std::string& cluster,
                                       const Value& file_system_arn) {
  return {
      allow({"elasticfilesystem:CreateMountTarget", "elasticfilesystem:DeleteMountTarget",
             "elasticfilesystem:DescribeMountTargets"},
            {file_system_arn}),
      // Describe calls: authorized only against "*".
      allow({"ec2:DescribeAvailabilityZones", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"},
            {kAnyResource}),
      // A mount target is a network interface EFS creates (and deletes) with the caller's permissions.
      allow({"ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface"}, {arn(stack, "ec2", "*")}),
      allow({"eks:DescribeCluster"}, {arn(stack, "eks", "cluster/" + cluster)}),
  };
}

std::vector<PolicyStatement> eksctl_cluster(const construct::Stack& stack, const std::string& cluster) {
  const std::string named = "eksctl-" + cluster + "-*";
  return {
      // The cluster and everything under it (node groups, add-ons, access entries: "<kind>/<cluster>/...").
      allow({"eks:*"}, {arn(stack, "eks", "cluster/" + cluster), arn(stack, "eks", "*/" + cluster + "/*")}),
      // Listing clusters and add-on versions: authorized only against "*".
      allow({"eks:DescribeAddonConfiguration", "eks:DescribeAddonVersions", "eks:ListClusters"},
            {kAnyResource}),
      // eksctl's stacks: eksctl-<cluster>-cluster, -nodegroup-*, -addon-*.
      allow({"cloudformation:*"}, {arn(stack, "cloudformation", "stack/" + named + "/*")}),
      // eksctl finds its stacks by listing them: authorized only against "*".
      allow({"cloudformation:ListStacks"}, {kAnyResource}),
      // The roles eksctl's stacks create (cluster, node groups, service accounts) and hand to EKS.
      allow({"iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePolicy",
             "iam:DetachRolePolicy", "iam:GetRole", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies",
             "iam:ListInstanceProfilesForRole", "iam:ListRolePolicies", "iam:PassRole", "iam:PutRolePolicy",
             "iam:TagRole", "iam:UntagRole", "iam:UpdateAssumeRolePolicy"},
            {arn(stack, "iam", "role/" + named, false)}),
      // The cluster's OIDC provider (service-account roles), named after the region's EKS OIDC issuer.
      allow({"iam:CreateOpenIDConnectProvider", "iam:DeleteOpenIDConnectProvider",
             "iam:GetOpenIDConnectProvider", "iam:TagOpenIDConnectProvider"},
            {construct::fn::join("", {arn(stack, "iam", "oidc-provider/oidc.eks.", false), stack.region(),
                                      Value(".amazonaws.com/id/*")})}),
      allow({"iam:ListOpenIDConnectProviders"}, {kAnyResource}),  // authorized only against "*"
      // The service-linked roles EKS, its node groups and Auto Scaling need, created once per account.
      allow({"iam:CreateServiceLinkedRole"}, {arn(stack, "iam", "role/aws-service-role/*", false)},
            Value::map({{"StringEquals",
                         Value::map({{"iam:AWSServiceName",
                                      strings({"autoscaling.amazonaws.com", "eks-nodegroup.amazonaws.com",
                                               "eks.amazonaws.com", "elasticloadbalancing.amazonaws.com",
                                               "spot.amazonaws.com"})}})}})),
      // The EKS-optimized AMI ids AWS publishes as public parameters.
      allow({"ssm:GetParameter", "ssm:GetParameters"},
            {arn(stack, "ssm", "parameter/aws/service/eks/*", true, false)}),
      allow({"logs:CreateLogGroup", "logs:PutRetentionPolicy"},
            {arn(stack, "logs", "log-group:/aws/eks/" + cluster + "/cluster"),
             arn(stack, "logs", "log-group:/aws/eks/" + cluster + "/cluster:*")}),
  };
}

std::vector<PolicyStatement> eksctl_network(const construct::Stack& stack, const std::string& cluster) {
  const Value this_region =
      Value::map({{"StringEquals", Value::map({{"aws:RequestedRegion", stack.region()}})}});
  return {
      // Describe calls: EC2, ELB and Auto Scaling authorize them only against "*".
      allow({"autoscaling:Describe*", "ec2:Describe*", "elasticloadbalancing:Describe*"}, {kAnyResource}),
      // eksctl's VPC (subnets, gateways, routes), security groups and node-group launch templates, created
      // and
      // deleted by its CloudFormation stacks with the caller's permissions. The resources do not exist before
      // the call, so there is no ARN to name; the statement is limited to this region instead.
      allow({"ec2:AllocateAddress",
             "ec2:AssociateAddress",
             "ec2:AssociateRouteTable",
             "ec2:AssociateVpcCidrBlock",
             "ec2:AttachInternetGateway",
             "ec2:AuthorizeSecurityGroupEgress",
             "ec2:AuthorizeSecurityGroupIngress",
             "ec2:CreateInternetGateway",
             "ec2:CreateLaunchTemplate",
             "ec2:CreateLaunchTemplateVersion",
             "ec2:CreateNatGateway",
             "ec2:CreateNetworkInterface",
             "ec2:CreateRoute",
             "ec2:CreateRouteTable",
             "ec2:CreateSecurityGroup",
             "ec2:CreateSubnet",
             "ec2:CreateTags",
             "ec2:CreateVpc",
             "ec2:DeleteInternetGateway",
             "ec2:DeleteLaunchTemplate",
             "ec2:DeleteLaunchTemplateVersions",
             "ec2:DeleteNatGateway",
             "ec2:DeleteNetworkInterface",
             "ec2:DeleteRoute",
             "ec2:DeleteRouteTable",
             "ec2:DeleteSecurityGroup",
             "ec2:DeleteSubnet",
             "ec2:DeleteTags",
             "ec2:DeleteVpc",
             "ec2:DetachInternetGateway",
             "ec2:DisassociateAddress",
             "ec2:DisassociateRouteTable",
             "ec2:DisassociateVpcCidrBlock",
             "ec2:ModifyLaunchTemplate",
             "ec2:ModifySubnetAttribute",
             "ec2:ModifyVpcAttribute",
             "ec2:ReleaseAddress",
             "ec2:ReplaceRoute",
             "ec2:RevokeSecurityGroupEgress",
             "ec2:RevokeSecurityGroupIngress",
             "ec2:RunInstances"},
            {kAnyResource}, this_region),
      // Load balancers the cluster's services made and left behind: only those tagged as this cluster's.
      allow({"elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:DeleteTargetGroup"},
            {arn(stack, "elasticloadbalancing", "loadbalancer/*"),
             arn(stack, "elasticloadbalancing", "targetgroup/*")},
            Value::map({{"StringEquals",
                         Value::map({{"aws:ResourceTag/kubernetes.io/cluster/" + cluster, "owned"}})}})),
  };
}

std::vector<PolicyStatement> kit(const Value& user_pool_arn, const Value& key_arn,
                                 const Value& file_system_arn) {
  return {
      allow({"cognito-idp:DescribeUserPoolClient"}, {user_pool_arn}),
      allow({"kms:DescribeKey"}, {key_arn}),
      // EKS encrypts the cluster's secrets through a grant it creates with the cluster creator's permission.
      allow({"kms:CreateGrant"}, {key_arn},
            Value::map({{"Bool", Value::map({{"kms:GrantIsForAWSResource", "true"}})}})),
      allow({"elasticfilesystem:CreateMountTarget", "elasticfilesystem:DeleteMountTarget",
             "elasticfilesystem:DescribeMountTargets"},
            {file_system_arn}),
  };
}

std::vector<PolicyStatement> dns_teardown(const Value& zone_arn, const std::string& hub_host_name,
                                          const std::vector<std::string>& deleted_host_names) {
  std::vector<PolicyStatement> out{
      // Finding the zone by name is authorized only against "*".
      allow({"route53:ListHostedZonesByName"}, {kAnyResource}),
      allow({"route53:ListResourceRecordSets"}, {zone_arn}),
      allow(
          {"route53:ChangeResourceRecordSets"}, {zone_arn},
          Value::map({{"ForAllValues:StringEquals",
                       Value::map({{"route53:ChangeResourceRecordSetsActions", strings({"UPSERT"})},
                                   {"route53:ChangeResourceRecordSetsNormalizedRecordNames",
                                    strings({hub_host_name})},
                                   {"route53:ChangeResourceRecordSetsRecordTypes", strings({"CNAME"})}})}})),
  };
  if (!deleted_host_names.empty())
    out.push_back(
        allow({"route53:ChangeResourceRecordSets"}, {zone_arn},
              Value::map({{"ForAllValues:StringEquals",
                           Value::map({{"route53:ChangeResourceRecordSetsActions", strings({"DELETE"})},
                                       {"route53:ChangeResourceRecordSetsNormalizedRecordNames",
                                        strings(deleted_host_names)}})}})));
  return out;
}

}  // namespace heliocloud::stacks::daskhub_permissions
