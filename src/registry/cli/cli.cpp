#include "registry/cli/cli.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "aws/client_config.h"
#include "aws/s3.h"
#include "registry/aws/s3_object_store.hpp"
#include "registry/catalog_service.hpp"
#include "registry/cli/progress_printer.hpp"
#include "registry/ingest_service.hpp"
#include "registry/local_object_store.hpp"
#include "registry/sqlite_dataset_store.hpp"

namespace heliocloud::registry::cli {

namespace {

namespace fs = std::filesystem;

// A usage or setup problem: printed as one line, exit status 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Flags shared by the commands that touch an instance's storage.
struct StorageFlags {
  bool local = false;
  std::string root;
  std::string endpoint;
  std::string db;
  std::vector<std::string> positional;  // [<instance>] <job> for ingest, [<instance>] for catalog
};

struct Storage {
  std::unique_ptr<aws::S3Client> s3;  // set in --endpoint mode; outlives `objects`
  std::unique_ptr<ObjectStore> objects;
  std::unique_ptr<DatasetStore> records;
};

void add_storage_flags(CLI::App& cmd, StorageFlags& f) {
  cmd.add_flag("--local", f.local, "Run the service in this process instead of invoking a deployed instance");
  cmd.add_option("--root", f.root, "With --local: directory whose sub-directories are the buckets");
  cmd.add_option("--endpoint", f.endpoint, "With --local: an S3 endpoint URL to use instead of --root");
  cmd.add_option("--db", f.db, "With --local: SQLite file of dataset records (default <root>/.heliocloud-registry.sqlite3)");
}

void add_settings_flags(CLI::App& cmd, RegistrySettings& s, bool catalog) {
  // One value per --bucket, so a positional after it is not taken for a bucket.
  cmd.add_option("--bucket", s.dataset_buckets, "A dataset bucket of the instance (repeat for several)")
      ->required()
      ->allow_extra_args(false);
  cmd.add_option("--ingest-bucket", s.ingest_bucket, "Bucket holding ingest jobs (default: uploads)");
  if (catalog) {
    cmd.add_option("--catalog-name", s.catalog_name, "catalog.json \"name\"")->required();
    cmd.add_option("--catalog-contact", s.catalog_contact, "catalog.json \"contact\"")->required();
    cmd.add_option("--catalog-description", s.catalog_description, "catalog.json \"description\"");
    cmd.add_flag("--requester-pays", s.requester_pays, "The buckets are requester-pays (egress \"user-pays\")");
  }
}

Storage open_storage(const StorageFlags& f) {
  if (!f.local) {
    throw UsageError(
        "running against a deployed instance (heliocloud <command> <instance> ...) needs the Registry stack, which is "
        "not available yet; use --local --root <dir>");
  }
  Storage s;
  if (!f.endpoint.empty()) {
    // Buckets on any S3 endpoint (credentials and region from the environment), records in SQLite.
    if (!f.root.empty()) throw UsageError("give either --root or --endpoint, not both");
    if (f.db.empty()) throw UsageError("--endpoint needs --db <file> (the SQLite file of dataset records)");
    auto config = aws::ClientConfig::from_environment();
    config.endpoint_url = f.endpoint;
    s.s3 = std::make_unique<aws::S3Client>(config);
    s.objects = std::make_unique<S3ObjectStore>(*s.s3);
    s.records = std::make_unique<SqliteDatasetStore>(fs::path(f.db));
    return s;
  }
  if (f.root.empty()) throw UsageError("--local needs --root <dir> or --endpoint <url>");
  if (!fs::is_directory(f.root)) throw UsageError("--root " + f.root + " is not a directory");
  s.objects = std::make_unique<LocalObjectStore>(f.root);
  s.records = std::make_unique<SqliteDatasetStore>(f.db.empty() ? fs::path(f.root) / ".heliocloud-registry.sqlite3"
                                                                 : fs::path(f.db));
  return s;
}

void print_problems(const Problems& problems) {
  for (const auto& p : problems) std::cerr << "  " << p.to_string() << "\n";
}

// --- validate -------------------------------------------------------------------------------------------------

int validate(const std::string& job_arg, const std::vector<std::string>& buckets) {
  if (job_arg.rfind("s3://", 0) == 0) {
    throw UsageError("validating a job in S3 needs the AWS client, which this build does not include; "
                     "validate the local job folder before uploading it");
  }
  const fs::path dir = fs::absolute(job_arg).lexically_normal();
  if (!fs::is_directory(dir)) throw UsageError(job_arg + " is not a directory");
  // The job directory is served as a bucket of its own; messages name the directory.
  LocalObjectStore store(dir.parent_path());
  store.map_bucket("local-job", dir);
  RegistrySettings settings;
  settings.dataset_buckets = buckets;
  ValidateOptions options;
  options.check_membership = !buckets.empty();
  options.check_reachable = false;
  const auto plan = validate_job(store, nullptr, settings, JobLocation{"local-job", "", dir.string()}, options);

  std::size_t files = 0;
  for (const auto& d : plan.datasets) files += d.files.size();
  const auto problems = plan.all_problems();
  if (problems.empty()) {
    std::cout << "OK: " << plan.datasets.size() << " dataset(s), " << files << " file(s) ready to upload\n";
    return 0;
  }
  std::cerr << problems.size() << " problem(s) in " << dir.string() << ":\n";
  print_problems(problems);
  return 1;
}

// --- ingest ---------------------------------------------------------------------------------------------------

int ingest(const StorageFlags& flags, RegistrySettings settings, std::size_t parallel, bool json) {
  if (flags.positional.size() != 1) {
    throw UsageError(flags.local ? "ingest --local takes one job: <job folder> or s3://<ingest bucket>/<job folder>"
                                 : "usage: heliocloud ingest <instance> <job>  (or --local ... <job>)");
  }
  auto storage = open_storage(flags);
  const auto& job_arg = flags.positional[0];
  JobLocation job;
  try {
    job = job_arg.rfind("s3://", 0) == 0 ? parse_job_location(job_arg)
                                         : parse_job_location(settings.ingest_bucket + "/" + job_arg);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("job: ") + e.what());
  }
  if (!storage.objects->bucket_exists(job.bucket)) throw UsageError("ingest bucket \"" + job.bucket + "\" does not exist");

  ProgressPrinter progress(stderr);
  IngestOptions options;
  options.parallel_copies = parallel;
  options.progress = &progress;
  settings.ingest_bucket = job.bucket;
  IngestService service(*storage.objects, *storage.records, settings, options);
  std::cerr << "ingesting " << job.uri() << "\n";
  const auto result = service.ingest(job);

  if (json) {
    std::cout << result.to_json().dump(2) << "\n";
  } else {
    for (const auto& d : result.datasets) {
      std::cout << d.id << ": ";
      if (d.ok()) {
        std::cout << d.files_added << " file(s), " << human_bytes(static_cast<double>(d.bytes)) << ", years";
        for (const int y : d.years) std::cout << " " << y;
        std::cout << "\n";
      } else {
        std::cout << "FAILED\n";
        std::string line;
        std::istringstream lines(d.error);
        while (std::getline(lines, line)) std::cout << "  " << line << "\n";
      }
    }
    if (!result.problems.empty()) {
      std::cout << "job: FAILED\n";
      for (const auto& p : result.problems) std::cout << "  " << p.to_string() << "\n";
    }
  }
  return result.ok() ? 0 : 1;
}

// --- catalog --------------------------------------------------------------------------------------------------

int catalog(const StorageFlags& flags, const RegistrySettings& settings, bool json) {
  if (flags.local ? !flags.positional.empty() : flags.positional.size() != 1) {
    throw UsageError(flags.local ? "catalog --local takes no positional arguments"
                                 : "usage: heliocloud catalog <instance>  (or --local ...)");
  }
  auto storage = open_storage(flags);
  CatalogService service(*storage.objects, *storage.records, settings);
  const auto result = service.update();
  if (json) {
    std::cout << result.to_json().dump(2) << "\n";
  } else {
    for (const auto& b : result.buckets) {
      std::cout << "s3://" << b.bucket << "/catalog.json: " << b.datasets << " dataset(s)"
                << (b.error.empty() ? "" : " FAILED: " + b.error) << "\n";
    }
    for (const auto& p : result.problems) std::cout << "  " << p.to_string() << "\n";
  }
  return result.ok() ? 0 : 1;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"heliocloud: publish heliophysics datasets to a HelioCloud (CloudCatalog 1.1)"};
  app.require_subcommand(1);

  auto* validate_cmd = app.add_subcommand(
      "validate", "Check a prepared job folder (entries.json, manifests, files) and report every problem; writes nothing");
  std::string validate_job_arg;
  std::vector<std::string> validate_buckets;
  validate_cmd->add_option("job", validate_job_arg, "The job folder: entries.json and one folder per dataset")->required();
  validate_cmd->add_option("--bucket", validate_buckets, "The instance's dataset buckets, if known (repeat)")
      ->allow_extra_args(false);

  auto* ingest_cmd = app.add_subcommand("ingest", "Publish the datasets of an ingest job");
  StorageFlags ingest_flags;
  RegistrySettings ingest_settings;
  ingest_settings.ingest_bucket = "uploads";
  std::size_t parallel = 16;
  bool ingest_json = false;
  add_storage_flags(*ingest_cmd, ingest_flags);
  add_settings_flags(*ingest_cmd, ingest_settings, false);
  ingest_cmd->add_option("--parallel", parallel, "Copies in flight at once")->check(CLI::Range(1, 256));
  ingest_cmd->add_flag("--json", ingest_json, "Print the result as JSON");
  ingest_cmd->add_option("args", ingest_flags.positional, "[<instance>] <job>");

  auto* catalog_cmd = app.add_subcommand("catalog", "Write catalog.json at the root of every dataset bucket");
  StorageFlags catalog_flags;
  RegistrySettings catalog_settings;
  bool catalog_json = false;
  add_storage_flags(*catalog_cmd, catalog_flags);
  add_settings_flags(*catalog_cmd, catalog_settings, true);
  catalog_cmd->add_flag("--json", catalog_json, "Print the result as JSON");
  catalog_cmd->add_option("args", catalog_flags.positional, "[<instance>]");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    if (*validate_cmd) return validate(validate_job_arg, validate_buckets);
    if (*ingest_cmd) return ingest(ingest_flags, ingest_settings, parallel, ingest_json);
    if (*catalog_cmd) return catalog(catalog_flags, catalog_settings, catalog_json);
  } catch (const UsageError& e) {
    std::cerr << "heliocloud: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "heliocloud: " << e.what() << "\n";
    return 1;
  }
  return 2;
}

}  // namespace heliocloud::registry::cli
