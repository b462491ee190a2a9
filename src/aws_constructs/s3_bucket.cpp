#include "aws_constructs/s3_bucket.h"

namespace heliocloud::aws_constructs {

Bucket::Bucket(construct::Construct& scope, std::string id, BucketProps props)
    : Construct(scope, std::move(id)) {
  Value::Map p;
  if (props.bucketName) p.emplace("BucketName", Value(*props.bucketName));
  p.emplace("BucketEncryption",
            Value::map({{"ServerSideEncryptionConfiguration",
                         Value::list({Value::map({{"ServerSideEncryptionByDefault",
                                                   Value::map({{"SSEAlgorithm", Value("AES256")}})}})})}}));
  if (props.blockPublicAccess || props.publicRead) {
    const bool blockPolicy = !props.publicRead;
    p.emplace("PublicAccessBlockConfiguration", Value::map({{"BlockPublicAcls", Value(true)},
                                                            {"BlockPublicPolicy", Value(blockPolicy)},
                                                            {"IgnorePublicAcls", Value(true)},
                                                            {"RestrictPublicBuckets", Value(blockPolicy)}}));
  }
  if (props.bucketOwnerEnforced)
    p.emplace("OwnershipControls",
              Value::map({{"Rules",
                           Value::list({Value::map({{"ObjectOwnership", Value("BucketOwnerEnforced")}})})}}));
  if (props.abortIncompleteUploadsAfterDays > 0)
    p.emplace(
        "LifecycleConfiguration",
        Value::map({{"Rules",
                     Value::list({Value::map({{"AbortIncompleteMultipartUpload",
                                               Value::map({{"DaysAfterInitiation",
                                                            Value(props.abortIncompleteUploadsAfterDays)}})},
                                              {"Status", Value("Enabled")}})})}}));
  resource_ = &make<construct::CfnResource>("Resource", "AWS::S3::Bucket", std::move(p),
                                            construct::TagStyle::KeyValueList);
  resource_->applyRemovalPolicy(props.removalPolicy);
  if (props.enforceSsl) {
    PolicyStatement tlsOnly;
    tlsOnly.effect = "Deny";
    tlsOnly.actions = {"s3:*"};
    tlsOnly.principal = Value::map({{"AWS", Value("*")}});
    tlsOnly.condition = Value::map({{"Bool", Value::map({{"aws:SecureTransport", Value("false")}})}});
    tlsOnly.resources = {bucketArn(), s3ObjectsArn(bucketArn())};
    addToResourcePolicy(std::move(tlsOnly));
  }
  if (props.publicRead) {
    PolicyStatement anyoneReads;
    anyoneReads.actions = {"s3:GetObject"};
    anyoneReads.principal = Value::map({{"AWS", Value("*")}});
    anyoneReads.resources = {s3ObjectsArn(bucketArn())};
    addToResourcePolicy(std::move(anyoneReads));
  }
}

void Bucket::addToResourcePolicy(PolicyStatement statement) {
  statements_.push_back(std::move(statement));
  if (policy_ == nullptr)
    // Policy/Resource, as aws-cdk-lib nests it, so the logical id matches the original's.
    policy_ = &make<construct::Construct>("Policy").make<construct::CfnResource>(
        "Resource", "AWS::S3::BucketPolicy", Value::Map{{"Bucket", bucketName()}});
  policy_->setProperty("PolicyDocument", policyDocument(statements_));
}

}  // namespace heliocloud::aws_constructs
