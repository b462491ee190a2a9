#include "aws_constructs/s3_bucket.h"

#include <stdexcept>

#include "aws_constructs/custom_resource.h"
#include "aws_constructs/custom_resource_provider.h"
#include "contracts/custom_resources.h"

namespace heliocloud::aws_constructs {

Bucket::Bucket(construct::Construct& scope, std::string id, BucketProps props)
    : Construct(scope, std::move(id)) {
  if (props.auto_delete_objects && props.removal_policy != construct::RemovalPolicy::Destroy)
    throw std::invalid_argument(path() +
                                ": auto_delete_objects empties the bucket only to delete it; it needs "
                                "removal_policy Destroy");
  Value::Map p;
  if (props.bucket_name) p.emplace("BucketName", Value(*props.bucket_name));
  p.emplace("BucketEncryption",
            Value::map({{"ServerSideEncryptionConfiguration",
                         Value::list({Value::map({{"ServerSideEncryptionByDefault",
                                                   Value::map({{"SSEAlgorithm", Value("AES256")}})}})})}}));
  if (props.block_public_access || props.public_read) {
    const bool block_policy = !props.public_read;
    p.emplace("PublicAccessBlockConfiguration", Value::map({{"BlockPublicAcls", Value(true)},
                                                            {"BlockPublicPolicy", Value(block_policy)},
                                                            {"IgnorePublicAcls", Value(true)},
                                                            {"RestrictPublicBuckets", Value(block_policy)}}));
  }
  if (props.bucket_owner_enforced)
    p.emplace("OwnershipControls",
              Value::map({{"Rules",
                           Value::list({Value::map({{"ObjectOwnership", Value("BucketOwnerEnforced")}})})}}));
  if (props.abort_incomplete_uploads_after_days > 0)
    p.emplace(
        "LifecycleConfiguration",
        Value::map(
            {{"Rules",
              Value::list({Value::map(
                  {{"AbortIncompleteMultipartUpload",
                    Value::map({{"DaysAfterInitiation", Value(props.abort_incomplete_uploads_after_days)}})},
                   {"Status", Value("Enabled")}})})}}));
  resource_ = &make<construct::CfnResource>("Resource", "AWS::S3::Bucket", std::move(p),
                                            construct::TagStyle::KeyValueList);
  resource_->apply_removal_policy(props.removal_policy);
  if (props.enforce_ssl) {
    PolicyStatement tls_only;
    tls_only.effect = "Deny";
    tls_only.actions = {"s3:*"};
    tls_only.principal = Value::map({{"AWS", Value("*")}});
    tls_only.condition = Value::map({{"Bool", Value::map({{"aws:SecureTransport", Value("false")}})}});
    tls_only.resources = {bucket_arn(), arn_for_objects()};
    add_to_resource_policy(std::move(tls_only));
  }
  if (props.public_read) {
    PolicyStatement anyone_reads;
    anyone_reads.actions = {"s3:GetObject"};
    anyone_reads.principal = Value::map({{"AWS", Value("*")}});
    anyone_reads.resources = {arn_for_objects()};
    add_to_resource_policy(std::move(anyone_reads));
  }
  if (props.auto_delete_objects) empty_on_delete();
}

void Bucket::empty_on_delete() {
  namespace empty_bucket = contracts::custom_resources::empty_bucket;
  auto& provider = CustomResourceProvider::of(stack());
  auto& emptier = make<CustomResource>(
      "AutoDeleteObjectsCustomResource",
      CustomResourceProps{.resource_type = std::string(empty_bucket::kType),
                          .service_token = provider.service_token(),
                          .properties = {{std::string(empty_bucket::kBucketName), bucket_name()}}});
  emptier.resource().add_dependency(*resource_);  // emptied before the bucket is deleted, not after
  auto_delete_ = &emptier.resource();
  grant_on_bucket_and_objects(provider,
                              {"s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads",
                               "s3:AbortMultipartUpload", "s3:DeleteObject", "s3:DeleteObjectVersion"});
}

void Bucket::grant_on_bucket_and_objects(IGrantable& principal, std::vector<std::string> actions) const {
  grant(principal, std::move(actions), {bucket_arn(), arn_for_objects()});
}

void Bucket::grant_read(IGrantable& principal) const {
  grant_on_bucket_and_objects(principal, {"s3:GetObject", "s3:ListBucket"});
}

void Bucket::grant_list(IGrantable& principal) const {
  grant_on_bucket_and_objects(principal, {"s3:ListBucket", "s3:GetBucketLocation"});
}

void Bucket::grant_put(IGrantable& principal) const {
  grant_on_bucket_and_objects(principal, {"s3:PutObject"});
}

void Bucket::grant_delete(IGrantable& principal) const {
  grant_on_bucket_and_objects(principal, {"s3:DeleteObject"});
}

void Bucket::grant_read_write(IGrantable& principal) const {
  grant_on_bucket_and_objects(principal,
                              {"s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:GetBucketLocation",
                               "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"});
}

void Bucket::grant_request_payment(IGrantable& principal) const {
  grant(principal, {"s3:PutBucketRequestPayment", "s3:GetBucketRequestPayment"}, {bucket_arn()});
}

void Bucket::add_to_resource_policy(PolicyStatement statement) {
  statements_.push_back(std::move(statement));
  if (policy_ == nullptr)
    // Policy/Resource, as aws-cdk-lib nests it, so the logical id matches the original's.
    policy_ = &make<construct::Construct>("Policy").make<construct::CfnResource>(
        "Resource", "AWS::S3::BucketPolicy", Value::Map{{"Bucket", bucket_name()}});
  policy_->set_property("PolicyDocument", policy_document(statements_));
}

}  // namespace heliocloud::aws_constructs
