#include "stacks/base_stack.h"

#include <array>
#include <iostream>
#include <string_view>

#include "construct/cfn_output.h"
#include "construct/resolver.h"

namespace heliocloud::stacks {
using aws_constructs::PolicyStatement;
using construct::Value;

namespace {
// Public buckets HelioCloud users read besides the instance's own datasets (the original granted the same).
constexpr std::array<std::string_view, 2> kPublicHelioBuckets = {"helio-public", "gov-nasa-hdrl-data1"};
}  // namespace

BaseStack::BaseStack(construct::Construct& scope, std::string id, const config::InstanceConfig& config,
                     construct::StackProps props)
    : Stack(scope, std::move(id), std::move(props)) {
  switch (config.vpc.type) {
    case config::VpcType::New:
      vpc_ = &make<aws_constructs::Vpc>(
          "HelioCloudVPC", aws_constructs::VpcProps{.cidr = "10.0.0.0/16", .max_azs = 2, .nat_gateways = 1});
      break;
    case config::VpcType::Default:
      vpc_ = &make<aws_constructs::LookedUpVpc>("HelioCloudVPC",
                                                aws_constructs::VpcLookupOptions{.is_default = true});
      break;
    case config::VpcType::Existing:
      vpc_ = &make<aws_constructs::LookedUpVpc>(
          "HelioCloudVPC", aws_constructs::VpcLookupOptions{.vpc_id = config.vpc.vpc_id.value()});
      break;
  }

  shared_bucket_ = &make<aws_constructs::Bucket>(
      "UserSharedBucket",
      aws_constructs::BucketProps{.bucket_name = std::nullopt,
                                  .removal_policy = config.user_shared_bucket.destroy_on_removal
                                                        ? construct::RemovalPolicy::Destroy
                                                        : construct::RemovalPolicy::Retain,
                                  .enforce_ssl = true,
                                  .block_public_access = true});

  PolicyStatement shared_read_write;
  shared_read_write.actions = {"s3:PutObject",
                               "s3:GetObject",
                               "s3:ListBucketMultipartUploads",
                               "s3:AbortMultipartUpload",
                               "s3:ListBucketVersions",
                               "s3:CreateBucket",
                               "s3:ListBucket",
                               "s3:DeleteObject",
                               "s3:GetBucketLocation",
                               "s3:ListMultipartUploadParts"};
  shared_read_write.resources = {shared_bucket_->bucket_arn(), shared_bucket_->arn_for_objects()};

  PolicyStatement list_buckets;
  list_buckets.actions = {"s3:ListAllMyBuckets"};
  list_buckets.resources = {Value("*")};

  PolicyStatement read_public_data;
  read_public_data.actions = {"s3:GetObject", "s3:ListBucketVersions", "s3:ListBucket",
                              "s3:GetBucketLocation"};
  std::vector<std::string> readable = config.registry.dataset_bucket_names;
  readable.insert(readable.end(), kPublicHelioBuckets.begin(), kPublicHelioBuckets.end());
  for (const auto& name : readable) {
    const Value arn = aws_constructs::s3_bucket_arn(Value(name));
    read_public_data.resources.push_back(arn);
    read_public_data.resources.push_back(aws_constructs::s3_objects_arn(arn));
  }

  s3_policy_ = &make<aws_constructs::ManagedPolicy>(
      "S3ManagedPolicy",
      aws_constructs::ManagedPolicyProps{
          .description = "Read/write on the instance's shared bucket and read on its public datasets",
          .statements = {shared_read_write, list_buckets, read_public_data}});

  // For operators: what was deployed, without digging through the console.
  make<construct::CfnOutput>(
      "VpcId", construct::OutputProps{.value = vpc_->vpc_id(), .description = "The instance's VPC"});
  make<construct::CfnOutput>("UserSharedBucketName",
                             construct::OutputProps{.value = shared_bucket_->bucket_name(),
                                                    .description = "Bucket shared by all users"});
  make<construct::CfnOutput>(
      "S3ManagedPolicyArn",
      construct::OutputProps{.value = s3_policy_->arn(), .description = "Policy to attach to user roles"});

  // The original's Registry imported both private subnets (its DocumentDB subnet group), and CloudFormation
  // refuses to update a stack while another one imports an export it would drop. So Base always exports them,
  // under aws-cdk-lib's names (made from the same references), and an instance the original deployed updates.
  if (config.vpc.type == config::VpcType::New) {
    construct::Resolver resolver(*this);
    for (const auto& subnet : vpc_->private_subnets()) export_value(resolver.resolve(subnet.subnet_id));
  }
}

}  // namespace heliocloud::stacks
