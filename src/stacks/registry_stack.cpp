#include "stacks/registry_stack.h"

#include <stdexcept>

#include "aws_constructs/custom_resource.h"
#include "construct/annotations.h"
#include "construct/cfn_output.h"
#include "construct/fn.h"

namespace heliocloud::stacks {
using aws_constructs::PolicyStatement;
using construct::RemovalPolicy;
using construct::Value;

namespace {

constexpr int kFifteenMinutes = 900;

void requirePackage(const std::filesystem::path& dir, const char* what) {
  if (!std::filesystem::exists(dir / "bootstrap"))
    throw std::runtime_error(
        dir.string() + ": the " + what +
        " Lambda package is missing (no bootstrap); build it with `cmake --build build --target "
        "lambda-packages`, or point --lambda-dir at the directory that holds it");
}

PolicyStatement allow(std::vector<std::string> actions, std::vector<Value> resources) {
  PolicyStatement s;
  s.actions = std::move(actions);
  s.resources = std::move(resources);
  return s;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ",") + i;
  return out;
}

}  // namespace

LambdaPackages LambdaPackages::in(const std::filesystem::path& lambdaDir) {
  return {lambdaDir / "registry", lambdaDir / "custom-resource"};
}

aws_constructs::Function& RegistryStack::provider(const LambdaPackages& packages) {
  if (provider_ == nullptr) {
    requirePackage(packages.customResource, "custom-resource");
    provider_ = &make<aws_constructs::Function>(
        "CustomResourceProvider",
        aws_constructs::FunctionProps{packages.customResource,
                                      "custom-resource",
                                      "provided.al2023",
                                      "Empties buckets before deletion and sets requester pays",
                                      256,
                                      kFifteenMinutes,
                                      90,
                                      {}});
  }
  return *provider_;
}

void RegistryStack::emptyOnDelete(aws_constructs::Bucket& bucket, const std::string& id) {
  auto& cr = make<aws_constructs::CustomResource>(id, "Custom::EmptyBucket", provider_->functionArn(),
                                                  Value::Map{{"BucketName", bucket.bucketName()}});
  cr.resource().addDependency(bucket.resource());
  provider_->addToRolePolicy(allow({"s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads",
                                    "s3:AbortMultipartUpload", "s3:DeleteObject", "s3:DeleteObjectVersion"},
                                   {bucket.bucketArn(), aws_constructs::s3ObjectsArn(bucket.bucketArn())}));
}

RegistryStack::RegistryStack(construct::Construct& scope, std::string id,
                             const config::InstanceConfig& config, const LambdaPackages& packages,
                             construct::StackProps props)
    : Stack(scope, std::move(id), std::move(props)) {
  requirePackage(packages.registry, "registry");
  const auto& reg = config.registry;
  provider(packages);

  // Uploads: private, and deleted with the stack (the provider empties it first).
  aws_constructs::BucketProps ingestProps;
  ingestProps.bucketName = reg.ingestBucketName;
  ingestProps.removalPolicy = RemovalPolicy::Destroy;
  ingestProps.abortIncompleteUploadsAfterDays = 7;
  auto& ingest = make<aws_constructs::Bucket>("Ingest-Bucket", ingestProps);
  emptyOnDelete(ingest, "Ingest-Bucket-Empty");

  std::vector<aws_constructs::Bucket*> datasets;
  for (const auto& name : reg.datasetBucketNames) {
    aws_constructs::BucketProps p;
    p.bucketName = name;
    p.publicRead = true;  // CloudCatalog clients read catalog.json, index files and data anonymously
    p.bucketOwnerEnforced = true;
    p.removalPolicy = reg.destroyOnRemoval ? RemovalPolicy::Destroy : RemovalPolicy::Retain;
    auto& bucket = make<aws_constructs::Bucket>("Registry Bucket: " + name, p);
    datasets.push_back(&bucket);
    if (reg.destroyOnRemoval) emptyOnDelete(bucket, name + "-empty-on-delete");
    // CloudFormation has no property for requester pays; the provider sets it, and clears it when turned off.
    auto& payer = make<aws_constructs::CustomResource>(
        name + "-request-payer", "Custom::RequesterPays", provider_->functionArn(),
        Value::Map{{"BucketName", bucket.bucketName()},
                   {"Enabled", Value(reg.requesterPays ? "true" : "false")}});
    payer.resource().addDependency(bucket.resource());
    provider_->addToRolePolicy(
        allow({"s3:PutBucketRequestPayment", "s3:GetBucketRequestPayment"}, {bucket.bucketArn()}));
  }
  if (reg.requesterPays)
    construct::annotations::addWarning(
        *this,
        "registry.requesterPays is true: S3 refuses anonymous requests to requester-pays buckets, so "
        "CloudCatalog "
        "clients must sign their requests (with x-amz-request-payer); set it to False for anonymous access");

  auto& table = make<aws_constructs::Table>(
      "DatasetTable",
      aws_constructs::TableProps{"id", std::nullopt,
                                 reg.destroyOnRemoval ? RemovalPolicy::Destroy : RemovalPolicy::Retain});

  // The dataset buckets and their objects, as policy resources.
  std::vector<Value> datasetResources;
  for (auto* b : datasets) datasetResources.push_back(b->bucketArn());
  for (auto* b : datasets) datasetResources.push_back(aws_constructs::s3ObjectsArn(b->bucketArn()));
  std::map<std::string, Value> env{{"INGEST_BUCKET", ingest.bucketName()},
                                   {"DATASET_BUCKETS", Value(joined(reg.datasetBucketNames))},
                                   {"DATASET_TABLE", table.tableName()},
                                   {"CATALOG_NAME", Value(reg.catalog.name)},
                                   {"CATALOG_CONTACT", Value(reg.catalog.contact)},
                                   {"CATALOG_DESCRIPTION", Value(reg.catalog.description)},
                                   {"REQUESTER_PAYS", Value(reg.requesterPays ? "true" : "false")}};

  auto& ingester = make<aws_constructs::Function>(
      "Ingester", aws_constructs::FunctionProps{packages.registry, "ingest", "provided.al2023",
                                                "Validates an ingest job and publishes its files", 1024,
                                                kFifteenMinutes, 90, env});
  ingester.addToRolePolicy(allow({"s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"},
                                 {ingest.bucketArn(), aws_constructs::s3ObjectsArn(ingest.bucketArn())}));
  if (!datasets.empty()) {
    ingester.addToRolePolicy(allow({"s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:GetBucketLocation",
                                    "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"},
                                   datasetResources));
  }
  ingester.addToRolePolicy(allow({"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                                  "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"},
                                 {table.tableArn()}));

  auto& cataloger = make<aws_constructs::Function>(
      "Cataloger", aws_constructs::FunctionProps{packages.registry, "catalog", "provided.al2023",
                                                 "Writes catalog.json at the root of every dataset bucket",
                                                 256, kFifteenMinutes, 90, env});
  if (!datasets.empty())
    cataloger.addToRolePolicy(
        allow({"s3:PutObject", "s3:ListBucket", "s3:GetBucketLocation"}, datasetResources));
  cataloger.addToRolePolicy(allow({"dynamodb:Scan", "dynamodb:GetItem"}, {table.tableArn()}));

  auto output = [&](const char* outputId, Value v, const char* what) {
    make<construct::CfnOutput>(outputId, construct::OutputProps{std::move(v), what, {}, nullptr});
  };
  output("IngesterFunctionName", ingester.functionName(), "Ingest function (heliocloud ingest invokes it)");
  output("IngesterFunctionArn", ingester.functionArn(), "Ingest function ARN");
  output("CatalogerFunctionName", cataloger.functionName(),
         "Catalog function (heliocloud catalog invokes it)");
  output("CatalogerFunctionArn", cataloger.functionArn(), "Catalog function ARN");
  output("IngestBucketName", ingest.bucketName(), "Bucket for ingest jobs");
  output("DatasetBucketNames", Value(joined(reg.datasetBucketNames)), "Public dataset buckets");
  output("DatasetTableName", table.tableName(), "Dataset records");

  for (const auto& key : reg.ignoredKeys)
    construct::annotations::addWarning(*this, key +
                                                  " configured the original's DocumentDB or Python layers; "
                                                  "this Registry has neither, so it is ignored");
}

}  // namespace heliocloud::stacks
