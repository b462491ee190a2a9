#include "registry/cli/local_commands.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include "aws/client_config.h"
#include "aws/s3.h"
#include "registry/aws/s3_object_store.h"
#include "registry/catalog_service.h"
#include "registry/cli/job_follower.h"
#include "registry/cli/progress_printer.h"
#include "registry/cli/result_printer.h"
#include "registry/cli/usage_error.h"
#include "registry/ingest_service.h"
#include "registry/local_object_store.h"
#include "registry/sqlite_dataset_store.h"

namespace heliocloud::registry::cli {

namespace {

namespace fs = std::filesystem;

struct Storage {
  std::unique_ptr<aws::S3Client> s3;  // set in --endpoint mode; outlives `objects`
  std::unique_ptr<ObjectStore> objects;
  std::unique_ptr<DatasetStore> records;
};

Storage open_storage(const LocalOptions& o, const std::string& region) {
  Storage s;
  if (!o.endpoint.empty()) {
    // Buckets on any S3 endpoint (credentials from the environment), records in SQLite.
    if (!o.root.empty()) throw UsageError("give either --root or --endpoint, not both");
    if (o.db.empty()) throw UsageError("--endpoint needs --db <file> (the SQLite file of dataset records)");
    auto config = aws::ClientConfig::from_environment();
    config.endpoint_url = o.endpoint;
    if (!region.empty()) config.region = region;
    s.s3 = std::make_unique<aws::S3Client>(config);
    s.objects = std::make_unique<S3ObjectStore>(*s.s3);
    s.records = std::make_unique<SqliteDatasetStore>(fs::path(o.db));
    return s;
  }
  if (o.root.empty()) throw UsageError("--local needs --root <dir> or --endpoint <url>");
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

int report_plan(const JobPlan& plan, const std::string& where) {
  std::size_t files = 0;
  for (const auto& d : plan.datasets) files += d.files.size();
  const auto problems = plan.all_problems();
  if (problems.empty()) {
    std::cout << "OK: " << plan.datasets.size() << " dataset(s), " << files << " file(s) ready to "
              << (where.rfind("s3://", 0) == 0 ? "ingest" : "upload") << "\n";
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
  return report_plan(validate_job(store, nullptr, settings, JobLocation{"local-job", "", dir.string()},
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
  std::string region;
  auto settings = resolve_settings(o, false, region);
  auto storage = open_storage(o, region);
  JobLocation job;
  try {
    job = job_arg.rfind("s3://", 0) == 0 ? parse_job_location(job_arg)
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
  // once.
  options.leases_on_this_host = true;
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
  std::string region;
  const auto settings = resolve_settings(o, true, region);
  auto storage = open_storage(o, region);
  CatalogService service(*storage.objects, *storage.records, settings);
  return print_catalog_result(service.update().to_json(), o.json, std::cout) ? kExitOk : kExitFailed;
}

}  // namespace heliocloud::registry::cli
