#include "stacks/base_stack.h"

#include <iostream>

#include "construct/cfn_output.h"

namespace heliocloud::stacks {
using aws_constructs::PolicyStatement;
using construct::Value;

namespace {
// Public buckets HelioCloud users read besides the instance's own datasets (the original granted the same).
const std::vector<std::string> kPublicHelioBuckets = {"helio-public", "gov-nasa-hdrl-data1"};
}  // namespace

BaseStack::BaseStack(construct::Construct& scope, std::string id, const config::InstanceConfig& config,
                     construct::StackProps props)
    : Stack(scope, std::move(id), std::move(props)) {
  switch (config.vpc.type) {
    case config::VpcType::New:
      vpc_ = &make<aws_constructs::Vpc>("HelioCloudVPC", aws_constructs::VpcProps{"10.0.0.0/16", 2, 1});
      break;
    case config::VpcType::Default:
      vpc_ = &make<aws_constructs::LookedUpVpc>("HelioCloudVPC", aws_constructs::VpcLookupOptions{true, ""});
      break;
    case config::VpcType::Existing:
      vpc_ = &make<aws_constructs::LookedUpVpc>("HelioCloudVPC",
                                                aws_constructs::VpcLookupOptions{false, *config.vpc.vpcId});
      break;
  }

  sharedBucket_ = &make<aws_constructs::Bucket>(
      "UserSharedBucket",
      aws_constructs::BucketProps{std::nullopt,
                                  config.userSharedBucket.destroyOnRemoval ? construct::RemovalPolicy::Destroy
                                                                           : construct::RemovalPolicy::Retain,
                                  true, true});

  PolicyStatement sharedReadWrite;
  sharedReadWrite.actions = {"s3:PutObject",
                             "s3:GetObject",
                             "s3:ListBucketMultipartUploads",
                             "s3:AbortMultipartUpload",
                             "s3:ListBucketVersions",
                             "s3:CreateBucket",
                             "s3:ListBucket",
                             "s3:DeleteObject",
                             "s3:GetBucketLocation",
                             "s3:ListMultipartUploadParts"};
  sharedReadWrite.resources = {sharedBucket_->bucketArn(),
                               aws_constructs::s3ObjectsArn(sharedBucket_->bucketArn())};

  PolicyStatement listBuckets;
  listBuckets.actions = {"s3:ListAllMyBuckets"};
  listBuckets.resources = {Value("*")};

  PolicyStatement readPublicData;
  readPublicData.actions = {"s3:GetObject", "s3:ListBucketVersions", "s3:ListBucket", "s3:GetBucketLocation"};
  std::vector<std::string> readable = config.registry.datasetBucketNames;
  readable.insert(readable.end(), kPublicHelioBuckets.begin(), kPublicHelioBuckets.end());
  for (const auto& name : readable) {
    const Value arn = aws_constructs::s3BucketArn(Value(name));
    readPublicData.resources.push_back(arn);
    readPublicData.resources.push_back(aws_constructs::s3ObjectsArn(arn));
  }

  s3Policy_ = &make<aws_constructs::ManagedPolicy>(
      "S3ManagedPolicy", "Read/write on the instance's shared bucket and read on its public datasets",
      std::vector<PolicyStatement>{sharedReadWrite, listBuckets, readPublicData});

  // For operators: what was deployed, without digging through the console.
  make<construct::CfnOutput>("VpcId",
                             construct::OutputProps{vpc_->vpcId(), "The instance's VPC", {}, nullptr});
  make<construct::CfnOutput>(
      "UserSharedBucketName",
      construct::OutputProps{sharedBucket_->bucketName(), "Bucket shared by all users", {}, nullptr});
  make<construct::CfnOutput>(
      "S3ManagedPolicyArn",
      construct::OutputProps{s3Policy_->arn(), "Policy to attach to user roles", {}, nullptr});
}

}  // namespace heliocloud::stacks
