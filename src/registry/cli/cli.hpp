#pragma once
// The `heliocloud` command line: validate, ingest, catalog. The main in src/apps only calls run().
//
// Modes, chosen by flags so that later modes slot in without renaming anything:
//   --local --root DIR         buckets are directories under DIR, records in an SQLite file (works today)
//   --local --endpoint URL     buckets on any S3 endpoint, records in an SQLite file (--db)
//   <instance> <job>           invoke the deployed instance's Lambda functions (needs the Registry stack)
// Instance facts (dataset buckets, catalog name and contact, requester-pays) come from flags for now and will
// come from instance/<name>.yaml; either way they end up in one RegistrySettings.
namespace heliocloud::registry::cli {

// Exit status: 0 = everything succeeded, 1 = a dataset or bucket failed, 2 = usage or setup error.
int run(int argc, char** argv);

}  // namespace heliocloud::registry::cli
