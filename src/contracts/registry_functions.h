#pragma once
// The contract between the Registry stack and the code it deploys (the Ingester and Cataloger functions, and
// the heliocloud CLI that finds them). Both sides use these names, so a rename is one edit and a compile
// error on the side that was forgotten, not a function that fails at its first invocation.
#include <string_view>

namespace heliocloud::contracts::registry {

// build/lambda/<kPackage>: one binary serves both functions; the Handler property picks the service.
inline constexpr std::string_view kPackage = "registry";
inline constexpr std::string_view kIngestHandler = "ingest";
inline constexpr std::string_view kCatalogHandler = "catalog";

// The functions' environment. `V` is a template value on the stack's side and the variable's text on the
// function's side; for_each_variable visits every field with its variable name, in one order for both sides.
template <class V>
struct FunctionEnvironment {
  V ingest_bucket;        // where providers upload jobs
  V dataset_buckets;      // the public dataset buckets, comma-separated
  V dataset_table;        // DynamoDB table of dataset records and leases
  V catalog_name;         // catalog.json "name"
  V catalog_contact;      // catalog.json "contact"
  V catalog_description;  // catalog.json "description"
  V requester_pays;       // "true" or "false"

  template <class Self, class Visit>
  static void for_each_variable(Self& self, Visit&& visit) {
    visit(std::string_view("INGEST_BUCKET"), self.ingest_bucket);
    visit(std::string_view("DATASET_BUCKETS"), self.dataset_buckets);
    visit(std::string_view("DATASET_TABLE"), self.dataset_table);
    visit(std::string_view("CATALOG_NAME"), self.catalog_name);
    visit(std::string_view("CATALOG_CONTACT"), self.catalog_contact);
    visit(std::string_view("CATALOG_DESCRIPTION"), self.catalog_description);
    visit(std::string_view("REQUESTER_PAYS"), self.requester_pays);
  }
};

inline constexpr std::string_view kTrue = "true";
inline constexpr std::string_view kFalse = "false";

// Outputs of the Registry stack that `heliocloud ingest|catalog|upload <instance>` reads.
namespace outputs {
inline constexpr std::string_view kIngesterFunctionName = "IngesterFunctionName";
inline constexpr std::string_view kIngesterFunctionArn = "IngesterFunctionArn";
inline constexpr std::string_view kCatalogerFunctionName = "CatalogerFunctionName";
inline constexpr std::string_view kCatalogerFunctionArn = "CatalogerFunctionArn";
inline constexpr std::string_view kIngestBucketName = "IngestBucketName";
inline constexpr std::string_view kDatasetBucketNames = "DatasetBucketNames";  // comma-separated
inline constexpr std::string_view kDatasetTableName = "DatasetTableName";
}  // namespace outputs

}  // namespace heliocloud::contracts::registry
