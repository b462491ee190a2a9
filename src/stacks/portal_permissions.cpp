#include "stacks/portal_permissions.h"

#include <string>

#include "aws_constructs/iam.h"
#include "construct/fn.h"

namespace heliocloud::stacks::portal_permissions {
namespace {

using aws_constructs::PolicyStatement;
using construct::Value;

// The caller's user name, as the identity pool tags their session (contracts: the Owner tag's value).
constexpr const char* kCaller = "${aws:PrincipalTag/username}";

Value arn(const std::string& service, const std::string& resource, bool regional = true) {
  return construct::fn::join("", {Value("arn:"), construct::pseudo::partition(), Value(":" + service + ":"),
                                  regional ? construct::pseudo::region() : Value(""), Value(":"),
                                  construct::pseudo::account_id(), Value(":" + resource)});
}

Value owner_is_caller(const std::string& key) {
  return Value::map({{"StringEquals", Value::map({{key, Value(kCaller)}})}});
}

PolicyStatement statement(std::vector<std::string> actions, std::vector<Value> resources,
                          Value condition = {}) {
  PolicyStatement s;
  s.actions = std::move(actions);
  s.resources = std::move(resources);
  s.condition = std::move(condition);
  return s;
}

}  // namespace

void allow_users(aws_constructs::Role& role, const UserScope& scope) {
  const Value instances = arn("ec2", "instance/*");
  const Value volumes = arn("ec2", "volume/*");
  const Value key_pairs = arn("ec2", "key-pair/*");
  // EC2's Describe calls have no resource-level permissions: "*" is the only form IAM accepts.
  role.add_to_policy(statement({"ec2:DescribeImages", "ec2:DescribeInstanceTypes", "ec2:DescribeInstances",
                                "ec2:DescribeKeyPairs", "ec2:DescribeVolumes"},
                               {Value("*")}));
  role.add_to_policy(statement({"ec2:StartInstances", "ec2:StopInstances", "ec2:TerminateInstances"},
                               {instances}, owner_is_caller("aws:ResourceTag/Owner")));
  // A launch creates the instance and its volume: both must carry Owner = the caller in the request.
  role.add_to_policy(
      statement({"ec2:RunInstances"}, {instances, volumes}, owner_is_caller("aws:RequestTag/Owner")));
  // ... from any image, into any subnet and network interface of the account, with the portal's security
  // group only, and with one of the caller's own key pairs.
  role.add_to_policy(
      statement({"ec2:RunInstances"},
                {construct::fn::join("", {Value("arn:"), construct::pseudo::partition(), Value(":ec2:"),
                                          construct::pseudo::region(), Value("::image/*")}),
                 arn("ec2", "subnet/*"), arn("ec2", "network-interface/*"),
                 construct::fn::join("", {arn("ec2", "security-group/"), scope.security_group_id})}));
  role.add_to_policy(statement({"ec2:RunInstances"}, {key_pairs}, owner_is_caller("aws:ResourceTag/Owner")));
  // Tags only as part of the launch or key creation (the tags checked above), never retagging later.
  role.add_to_policy(statement(
      {"ec2:CreateTags"}, {instances, volumes, key_pairs},
      Value::map({{"StringEquals",
                   Value::map({{"ec2:CreateAction", Value::list({"CreateKeyPair", "RunInstances"})}})}})));
  role.add_to_policy(statement({"ec2:CreateKeyPair"}, {key_pairs}, owner_is_caller("aws:RequestTag/Owner")));
  role.add_to_policy(statement({"ec2:DeleteKeyPair"}, {key_pairs}, owner_is_caller("aws:ResourceTag/Owner")));
  role.add_to_policy(statement(
      {"iam:PassRole"}, {scope.instance_role_arn},
      Value::map({{"StringEquals", Value::map({{"iam:PassedToService", Value("ec2.amazonaws.com")}})}})));
  // The IAM user named like the caller: their access keys and MFA devices, nobody else's.
  role.add_to_policy(statement({"iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:GetUser",
                                "iam:ListAccessKeys", "iam:ListMFADevices", "iam:UpdateAccessKey"},
                               {arn("iam", std::string("user/") + kCaller, false)}));
}

void allow_function(aws_constructs::IGrantable& function, const Value& user_pool_arn,
                    const Value& identity_pool_id, const std::vector<std::string>& dataset_buckets) {
  // The client secret at cold start; registration approvals: list the pool's disabled users, check one is
  // still disabled, enable (approve) or delete (reject) it.
  aws_constructs::grant(
      function,
      {"cognito-idp:AdminDeleteUser", "cognito-idp:AdminEnableUser", "cognito-idp:AdminGetUser",
       "cognito-idp:DescribeUserPoolClient", "cognito-idp:ListUsers"},
      {user_pool_arn});
  aws_constructs::grant(
      function, {"cognito-identity:GetCredentialsForIdentity", "cognito-identity:GetId"},
      {construct::fn::join("", {arn("cognito-identity", "identitypool/"), identity_pool_id})});
  // Cost Explorer, the Price List API and EC2's Describe calls have no resource-level permissions.
  aws_constructs::grant(
      function,
      {"ce:GetCostAndUsage", "ec2:DescribeImages", "ec2:DescribeInstanceTypes", "pricing:GetProducts"},
      {Value("*")});
  // AWS's public parameters of the current Amazon Linux and Ubuntu images (owned by no account).
  aws_constructs::grant(
      function, {"ssm:GetParameter", "ssm:GetParameters"},
      {construct::fn::join("", {Value("arn:"), construct::pseudo::partition(), Value(":ssm:"),
                                construct::pseudo::region(), Value("::parameter/aws/service/*")})});
  // The datasets pages: catalog.json and index files of the Registry's buckets (named by the instance file,
  // as the Registry stack names them), read-only; nothing else in S3.
  if (!dataset_buckets.empty()) {
    std::vector<Value> buckets;
    std::vector<Value> objects;
    for (const auto& name : dataset_buckets) {
      buckets.push_back(aws_constructs::s3_bucket_arn(Value(name)));
      objects.push_back(aws_constructs::s3_objects_arn(buckets.back()));
    }
    aws_constructs::grant(function, {"s3:ListBucket"}, std::move(buckets));
    aws_constructs::grant(function, {"s3:GetObject"}, std::move(objects));
  }
}

}  // namespace heliocloud::stacks::portal_permissions
