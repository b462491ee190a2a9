#pragma once
// The `heliocloud` command line. The main in src/apps only calls run().
//
//   validate <job dir | s3://bucket/job>          every problem of a job; writes nothing
//   upload <dir> <instance> <job>                  check, then upload a job to the instance's ingest bucket
//   ingest <instance> <job>   catalog <instance>   invoke the deployed Registry functions (Registry stack
//   outputs) ingest --local [<instance>] <job>              run the service here: buckets under --root or on
//   --endpoint, catalog --local [<instance>]                   records in SQLite; settings from the instance
//   file and flags
//   daskhub <instance> deploy|status|teardown [--step N]   run the Daskhub deploy kit on the admin host (SSM)
//   datasets <catalog>, files <catalog> <dataset>, get ...  read any CloudCatalog (catalog_client.h)
namespace heliocloud::registry::cli {

// Exit status: 0 = everything succeeded, 1 = a dataset, bucket, file or function failed, 2 = usage or setup
// error; daskhub: the failed step's own status.
int run(int argc, char** argv);

}  // namespace heliocloud::registry::cli
