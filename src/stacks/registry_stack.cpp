#include "stacks/registry_stack.h"

#include <map>
#include <stdexcept>
#include <string_view>

#include "aws_constructs/custom_resource.h"
#include "aws_constructs/custom_resource_provider.h"
#include "base/text.h"
#include "base/unique_id.h"
#include "construct/annotations.h"
#include "construct/cfn_output.h"
#include "construct/fn.h"
#include "contracts/custom_resources.h"
#include "contracts/registry_functions.h"
#include "stacks/function_environment.h"

namespace heliocloud::stacks {
using construct::RemovalPolicy;
using construct::Value;
namespace registry = contracts::registry;

namespace {

constexpr int kFifteenMinutes = 900;

RemovalPolicy kept_unless(bool destroy_on_removal) {
  return destroy_on_removal ? RemovalPolicy::Destroy : RemovalPolicy::Retain;
}

// Deployed Registry stacks have the bucket-emptying resource under the id the stack gave it when it wired the
// provider by hand. Under a new id, CloudFormation would delete the old resource during the update, and
// deleting it empties the bucket.
void keep_former_logical_id(aws_constructs::Bucket& bucket, const std::string& former_id) {
  bucket.auto_delete_objects_resource()->override_logical_id(
      base::make_unique_id({former_id, "Default", "Resource"}));
}

}  // namespace

RegistryStack::RegistryStack(construct::Construct& scope, std::string id,
                             const config::InstanceConfig& config,
                             const std::filesystem::path& registry_package, construct::StackProps props)
    : Stack(scope, std::move(id), std::move(props)) {
  aws_constructs::require_package(registry_package, "registry");
  const auto& reg = config.registry;
  add_ingest_bucket(reg);
  add_dataset_buckets(reg);
  table_ = &make<aws_constructs::Table>(
      "DatasetTable", aws_constructs::TableProps{.partition_key = "id",
                                                 .removal_policy = kept_unless(reg.destroy_on_removal)});
  add_functions(reg, registry_package);
  add_outputs(reg);
  add_warnings(reg);
}

void RegistryStack::add_ingest_bucket(const config::RegistryConfig& reg) {
  // Uploads: private, and emptied and deleted with the stack.
  ingest_ = &make<aws_constructs::Bucket>(
      "Ingest-Bucket", aws_constructs::BucketProps{.bucket_name = reg.ingest_bucket_name,
                                                   .removal_policy = RemovalPolicy::Destroy,
                                                   .abort_incomplete_uploads_after_days = 7,
                                                   .auto_delete_objects = true});
  keep_former_logical_id(*ingest_, "Ingest-Bucket-Empty");
}

void RegistryStack::add_dataset_buckets(const config::RegistryConfig& reg) {
  for (const auto& name : reg.dataset_bucket_names) {
    auto& bucket = make<aws_constructs::Bucket>(
        "Registry Bucket: " + name,
        aws_constructs::BucketProps{
            .bucket_name = name,
            .removal_policy = kept_unless(reg.destroy_on_removal),
            // CloudCatalog clients read catalog.json, index files and data anonymously.
            .public_read = true,
            .bucket_owner_enforced = true,
            .auto_delete_objects = reg.destroy_on_removal});
    if (reg.destroy_on_removal) keep_former_logical_id(bucket, name + "-empty-on-delete");
    add_requester_pays(bucket, name, reg.requester_pays);
    datasets_.push_back(&bucket);
  }
}

// CloudFormation has no property for requester pays; the provider sets it, and clears it when turned off.
void RegistryStack::add_requester_pays(aws_constructs::Bucket& bucket, const std::string& name,
                                       bool enabled) {
  namespace requester_pays = contracts::custom_resources::requester_pays;
  auto& provider = aws_constructs::CustomResourceProvider::of(*this);
  auto& payer = make<aws_constructs::CustomResource>(
      name + "-request-payer",
      aws_constructs::CustomResourceProps{
          .resource_type = std::string(requester_pays::kType),
          .service_token = provider.service_token(),
          .properties = {{std::string(requester_pays::kBucketName), bucket.bucket_name()},
                         {std::string(requester_pays::kEnabled), Value(enabled ? "true" : "false")}}});
  payer.resource().add_dependency(bucket.resource());
  bucket.grant_request_payment(provider);
}

void RegistryStack::add_functions(const config::RegistryConfig& reg, const std::filesystem::path& package) {
  const registry::FunctionEnvironment<Value> environment{
      .ingest_bucket = ingest_->bucket_name(),
      .dataset_buckets = Value(base::join(reg.dataset_bucket_names, ",")),
      .dataset_table = table_->table_name(),
      .catalog_name = Value(reg.catalog.name),
      .catalog_contact = Value(reg.catalog.contact),
      .catalog_description = Value(reg.catalog.description),
      .requester_pays = Value(std::string(reg.requester_pays ? registry::kTrue : registry::kFalse))};
  const auto variables = environment_variables(environment);

  // Named, so that its own ARN can be written into its role's policy without a reference to the function
  // (which depends on that policy): a circular dependency CloudFormation would refuse. Lambda names are at
  // most 64 characters; stack names are unique in an account and region.
  const auto ingester_name = stack_name().substr(0, 55) + "-Ingester";
  ingester_ = &make<aws_constructs::Function>(
      "Ingester",
      aws_constructs::FunctionProps{.code_directory = package,
                                    .function_name = ingester_name,
                                    .handler = std::string(registry::kIngestHandler),
                                    .description = "Validates an ingest job and publishes its files",
                                    .memory_mb = 1024,
                                    .timeout_seconds = kFifteenMinutes,
                                    .environment = variables});
  // The job's files are read, moved out of the ingest bucket and the manifests rewritten there.
  ingest_->grant_read(*ingester_);
  ingest_->grant_put(*ingester_);
  ingest_->grant_delete(*ingester_);
  for (auto* dataset : datasets_) dataset->grant_read_write(*ingester_);
  table_->grant_read_write_items(*ingester_);
  // A job longer than one invocation goes on in the next: the function invokes itself (and nothing else).
  aws_constructs::PolicyStatement invoke_itself;
  invoke_itself.actions = {"lambda:InvokeFunction"};
  invoke_itself.resources = {
      construct::fn::join("", {Value("arn:"), construct::pseudo::partition(), Value(":lambda:"), region(),
                               Value(":"), account(), Value(":function:" + ingester_name)})};
  ingester_->add_to_principal_policy(std::move(invoke_itself));

  cataloger_ = &make<aws_constructs::Function>(
      "Cataloger",
      aws_constructs::FunctionProps{.code_directory = package,
                                    .handler = std::string(registry::kCatalogHandler),
                                    .description = "Writes catalog.json at the root of every dataset bucket",
                                    .memory_mb = 256,
                                    .timeout_seconds = kFifteenMinutes,
                                    .environment = variables});
  for (auto* dataset : datasets_) {
    dataset->grant_put(*cataloger_);
    dataset->grant_list(*cataloger_);
  }
  table_->grant_read_data(*cataloger_);
}

void RegistryStack::add_outputs(const config::RegistryConfig& reg) {
  namespace outputs = registry::outputs;
  auto output = [&](std::string_view output_id, Value value, const char* description) {
    make<construct::CfnOutput>(std::string(output_id),
                               construct::OutputProps{.value = std::move(value), .description = description});
  };
  output(outputs::kIngesterFunctionName, ingester_->function_name(),
         "Ingest function (heliocloud ingest invokes it)");
  output(outputs::kIngesterFunctionArn, ingester_->function_arn(), "Ingest function ARN");
  output(outputs::kCatalogerFunctionName, cataloger_->function_name(),
         "Catalog function (heliocloud catalog invokes it)");
  output(outputs::kCatalogerFunctionArn, cataloger_->function_arn(), "Catalog function ARN");
  output(outputs::kIngestBucketName, ingest_->bucket_name(), "Bucket for ingest jobs");
  output(outputs::kDatasetBucketNames, Value(base::join(reg.dataset_bucket_names, ",")),
         "Public dataset buckets");
  output(outputs::kDatasetTableName, table_->table_name(), "Dataset records");
}

void RegistryStack::add_warnings(const config::RegistryConfig& reg) {
  if (reg.requester_pays)
    construct::annotations::add_warning(
        *this,
        "registry.requesterPays is true: S3 refuses anonymous requests to requester-pays buckets, so "
        "CloudCatalog "
        "clients must sign their requests (with x-amz-request-payer); set it to False for anonymous access");
  for (const auto& key : reg.ignored_keys)
    construct::annotations::add_warning(
        *this,
        key +
            " configured the original's DocumentDB or Python layers; this Registry has neither, so it is "
            "ignored");
}

}  // namespace heliocloud::stacks
