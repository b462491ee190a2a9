#include "registry/cli/local_commands.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include "aws/client_config.h"
#include "aws/dynamodb.h"
#include "aws/s3.h"
#include "registry/aws/dynamodb_dataset_store.h"
#include "registry/aws/s3_object_store.h"
#include "registry/catalog_service.h"
#include "registry/cli/deployed.h"
#include "registry/cli/job_follower.h"
#include "registry/cli/progress_printer.h"
#include "registry/cli/result_printer.h"
#include "registry/cli/usage_error.h"
#include "registry/ingest_service.h"
#include "registry/local_object_store.h"
#include "registry/sqlite_dataset_store.h"

namespace heliocloud::registry::cli {

namespace fs = std::filesystem;

Storage open_storage(const LocalOptions& o, const std::string& region) {
  Storage s;
  if (!o.endpoint.empty()) {
    // Buckets on any S3 endpoint (credentials from the environment), records in SQLite.
    if (!o.root.empty()) throw UsageError("give either --root or --endpoint, not both");
    if (o.db.empty()) {
      throw UsageError(
          "--endpoint without an instance needs --db <file> (the SQLite file of dataset records); with an "
          "instance and no --db, the instance's deployed buckets and table are used");
    }
    auto config = aws::ClientConfig::from_environment();
    config.endpoint_url = o.endpoint;
    if (!region.empty()) config.region = region;
    s.s3 = std::make_unique<aws::S3Client>(config);
    s.objects = std::make_unique<S3ObjectStore>(*s.s3);
    s.records = std::make_unique<SqliteDatasetStore>(fs::path(o.db));
    return s;
  }
  if (o.root.empty()) {
    throw UsageError(
        "--local needs an instance (to run on its deployed buckets and table), --root <dir>, or --endpoint "
        "<url> with --db <file>");
  }
  if (!fs::is_directory(o.root)) throw UsageError("--root " + o.root + " is not a directory");
  s.objects = std::make_unique<LocalObjectStore>(o.root);
  s.records = std::make_unique<SqliteDatasetStore>(
      o.db.empty() ? fs::path(o.root) / ".heliocloud-registry.sqlite3" : fs::path(o.db));
  return s;
}

// The instance file's settings (when an instance is named) under the flags; what is still missing is a
// UsageError.
RegistrySettings resolve_settings(const LocalOptions& o, bool catalog, std::string& region) {
  RegistrySettings s;
  if (o.instance) {
    const auto instance = load_instance(o.instance_dir, *o.instance);
    s = settings_from_instance(instance);
    region = region_for(std::nullopt, instance);
  }
  o.overrides.apply(s);
  if (s.ingest_bucket.empty()) s.ingest_bucket = "uploads";
  if (s.dataset_buckets.empty()) {
    throw UsageError(o.instance
                         ? "instance " + *o.instance +
                               " lists no dataset buckets (registry.datasetBucketNames); "
                               "add them there or pass --bucket"
                         : "--bucket is required without an instance: pass the dataset buckets (--bucket B, "
                           "repeated), or name an instance (heliocloud <command> --local <instance> ...)");
  }
  if (catalog && !o.instance && (!o.overrides.catalog_name || !o.overrides.catalog_contact)) {
    throw UsageError(
        "--catalog-name and --catalog-contact are required without an instance (or name an instance: "
        "heliocloud catalog --local <instance>)");
  }
  return s;
}

namespace {

// Where a --local run works: the settings and the stores.
struct Target {
  RegistrySettings settings;
  Storage storage;
};

// An instance without --root and --db: its deployed buckets and dataset table, found through the Registry
// stack's outputs (CloudFormation on --endpoint when given), so that the same service code runs here on the
// data the deployed functions would use. This is how a local AWS emulator, which runs no Lambda function,
// still gets the real ingest and catalog.
bool on_deployed_instance(const LocalOptions& o) {
  return o.instance && o.root.empty() && o.db.empty();
}

Target open_deployed(const LocalOptions& o, const RegistrySettings& from_file) {
  const auto d = connect_instance(
      o.instance.value(),
      DeployedOptions{
          .instance_dir = o.instance_dir, .region = std::nullopt, .json = o.json, .endpoint = o.endpoint});
  Target t;
  t.settings = from_file;
  t.settings.dataset_buckets = d.stack.dataset_buckets;
  t.settings.ingest_bucket = d.stack.ingest_bucket;
  o.overrides.apply(t.settings);
  std::cerr << "in this process on the deployed Registry stack " << d.stack.stack_name << " ("
            << (d.config.endpoint_url ? *d.config.endpoint_url : d.config.region) << "): dataset table "
            << d.stack.dataset_table << "\n";
  t.storage.s3 = std::make_unique<aws::S3Client>(d.config);
  t.storage.objects = std::make_unique<S3ObjectStore>(*t.storage.s3);
  t.storage.dynamodb = std::make_unique<aws::DynamoDbClient>(d.config);
  t.storage.records = std::make_unique<DynamoDbDatasetStore>(*t.storage.dynamodb, d.stack.dataset_table);
  return t;
}

Target open_target(const LocalOptions& o, bool catalog) {
  std::string region;
  auto settings = resolve_settings(o, catalog, region);
  if (on_deployed_instance(o)) return open_deployed(o, settings);
  Target t;
  t.settings = std::move(settings);
  t.storage = open_storage(o, region);
  return t;
}

int report_plan(const JobPlan& plan, const std::string& where) {
  std::size_t files = 0;
  for (const auto& d : plan.datasets) files += d.file_count;
  const auto problems = plan.all_problems();
  if (problems.empty()) {
    std::cout << "OK: " << plan.datasets.size() << " dataset(s), " << files << " file(s) ready to "
              << (where.starts_with("s3://") ? "ingest" : "upload") << "\n";
    return kExitOk;
  }
  std::cerr << problems.size() << " problem(s) in " << where << ":\n";
  for (const auto& p : problems) std::cerr << "  " << p.to_string() << "\n";
  return kExitFailed;
}

ValidateOptions provider_checks(const std::vector<std::string>& dataset_buckets) {
  ValidateOptions options;
  options.check_membership = !dataset_buckets.empty();  // a provider may not know the instance's buckets
  options.check_reachable = false;
  return options;
}

}  // namespace

int validate_job_folder(const std::string& job, const std::vector<std::string>& dataset_buckets) {
  const fs::path dir = fs::absolute(job).lexically_normal();
  if (!fs::is_directory(dir)) throw UsageError(job + " is not a directory");
  // The job directory is served as a bucket of its own; messages name the directory.
  LocalObjectStore store(dir.parent_path());
  store.map_bucket("local-job", dir);
  RegistrySettings settings;
  settings.dataset_buckets = dataset_buckets;
  return report_plan(validate_job(store, nullptr, settings,
                                  JobLocation{.bucket = "local-job", .folder = "", .label = dir.string()},
                                  provider_checks(dataset_buckets)),
                     dir.string());
}

int validate_s3_job(const std::string& uri, const std::vector<std::string>& dataset_buckets,
                    const std::optional<std::string>& region) {
  JobLocation job;
  try {
    job = parse_job_location(uri);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("job: ") + e.what());
  }
  auto config = aws::ClientConfig::from_environment();
  if (region) config.region = *region;
  const aws::S3Client s3(config);
  S3ObjectStore store(s3);  // only read from: validate_job lists, heads and gets
  if (!store.bucket_exists(job.bucket))
    throw UsageError("bucket " + job.bucket + " does not exist or is not readable");
  RegistrySettings settings;
  settings.dataset_buckets = dataset_buckets;
  return report_plan(validate_job(store, nullptr, settings, job, provider_checks(dataset_buckets)),
                     job.uri());
}

int ingest_local(const std::string& job_arg, const LocalOptions& o) {
  auto target = open_target(o, false);
  auto& settings = target.settings;
  auto& storage = target.storage;
  JobLocation job;
  try {
    job = job_arg.starts_with("s3://") ? parse_job_location(job_arg)
                                       : parse_job_location(settings.ingest_bucket + "/" + job_arg);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("job: ") + e.what());
  }
  if (!storage.objects->bucket_exists(job.bucket))
    throw UsageError("ingest bucket \"" + job.bucket + "\" does not exist");

  ProgressPrinter progress(stderr);
  IngestOptions options;
  options.parallel_copies = o.parallel;
  options.chunk_files = o.chunk_files;
  options.progress = &progress;
  // The SQLite file is on this machine, so every run sharing it is too: a killed run's leases are freed at
  // once. Not so for a deployed instance's table, which the deployed Ingester shares.
  options.leases_on_this_host = !on_deployed_instance(o);
  settings.ingest_bucket = job.bucket;
  IngestService service(*storage.objects, *storage.records, settings, options);
  std::cerr << "ingesting " << job.uri() << "\n";
  return print_ingest_result(service.ingest(job).to_json(), o.json, std::cout) ? kExitOk : kExitFailed;
}

int status_local(const std::optional<std::string>& job, const LocalOptions& o) {
  fs::path db = o.db;
  if (db.empty()) {
    if (o.root.empty()) throw UsageError("status --local needs --root <dir> or --db <file>");
    db = fs::path(o.root) / ".heliocloud-registry.sqlite3";
  }
  if (!fs::exists(db))
    throw UsageError("no dataset store at " + db.string() + ": nothing was ingested there yet");
  SqliteDatasetStore records(db);
  auto jobs = records.list_jobs();
  if (job) {
    // "<folder>", "<bucket>/<folder>" or "s3://<bucket>/<folder>/"
    auto wanted = *job;
    while (wanted.ends_with('/')) wanted.pop_back();
    std::erase_if(jobs, [&](const JobProgress& j) {
      const auto key = j.job.substr(0, j.job.size() - 1);  // without the trailing '/'
      return key != wanted && !key.ends_with("/" + wanted);
    });
    if (jobs.empty()) throw UsageError("no ingest job " + *job + " in " + db.string());
  }
  if (o.json) {
    auto all = nlohmann::ordered_json::array();
    for (const auto& j : jobs) all.push_back(to_json(j));
    std::cout << all.dump(2) << "\n";
  } else if (job) {
    for (const auto& j : jobs) print_job(j, std::cout);
  } else {
    print_jobs(jobs, std::cout);
  }
  return job && jobs.front().state == JobState::Failed ? kExitFailed : kExitOk;
}

int catalog_local(const LocalOptions& o) {
  auto target = open_target(o, true);
  CatalogService service(*target.storage.objects, *target.storage.records, target.settings);
  return print_catalog_result(service.update().to_json(), o.json, std::cout) ? kExitOk : kExitFailed;
}

}  // namespace heliocloud::registry::cli
