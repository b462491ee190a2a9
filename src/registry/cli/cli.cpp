#include "registry/cli/cli.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "daskhub/remote/setup_error.h"
#include "registry/cli/catalog_client.h"
#include "registry/cli/daskhub_command.h"
#include "registry/cli/deployed.h"
#include "registry/cli/import_command.h"
#include "registry/cli/local_commands.h"
#include "registry/cli/upload.h"
#include "registry/cli/usage_error.h"

namespace heliocloud::registry::cli {

namespace {

// Flags of ingest and catalog; which of them apply depends on --local.
struct CommandFlags {
  LocalOptions local;
  bool is_local = false;
  bool no_wait = false;
  std::optional<std::string> region;
  std::vector<std::string> positional;
};

void add_common_flags(CLI::App& cmd, CommandFlags& f, bool catalog) {
  cmd.add_flag("--local", f.is_local,
               "Run the service in this process instead of invoking the deployed instance");
  cmd.add_option("--region", f.region,
                 "AWS region of the deployed instance (default: the instance's env.region)");
  cmd.add_option("--instance-dir", f.local.instance_dir, "Directory of the instance files")
      ->capture_default_str();
  cmd.add_flag("--json", f.local.json, "Print the result as JSON");
  cmd.add_option("--root", f.local.root, "With --local: directory whose sub-directories are the buckets");
  cmd.add_option("--endpoint", f.local.endpoint,
                 "With --local: an AWS endpoint URL instead of --root (with an instance and no --db: its "
                 "Registry stack, buckets and table there)");
  cmd.add_option(
      "--db", f.local.db,
      "With --local: SQLite file of dataset records (default <root>/.heliocloud-registry.sqlite3; with an "
      "instance and neither --root nor --db, the deployed dataset table)");
  auto& o = f.local.overrides;
  // One value per --bucket, so a positional after it is not taken for a bucket.
  cmd.add_option("--bucket", o.dataset_buckets,
                 "With --local: a dataset bucket (repeat for several; replaces the instance's list)")
      ->allow_extra_args(false);
  cmd.add_option("--ingest-bucket", o.ingest_bucket,
                 "With --local: bucket holding ingest jobs (default: the instance's, else uploads)");
  if (catalog) {
    cmd.add_option("--catalog-name", o.catalog_name, "With --local: catalog.json \"name\"");
    cmd.add_option("--catalog-contact", o.catalog_contact, "With --local: catalog.json \"contact\"");
    cmd.add_option("--catalog-description", o.catalog_description,
                   "With --local: catalog.json \"description\"");
    cmd.add_flag("--requester-pays", o.requester_pays,
                 "With --local: the buckets are requester-pays (egress \"user-pays\")");
    cmd.add_flag("--no-requester-pays", o.no_requester_pays, "With --local: the buckets are free to read");
  }
}

// Flags that only mean something in this process are refused for a deployed instance instead of being
// ignored.
void require_local_for_local_flags(const CommandFlags& f) {
  if (f.is_local) {
    if (f.region) throw UsageError("--region is for a deployed instance; with --local, AWS_REGION applies");
    return;
  }
  const auto& l = f.local;
  if (!l.root.empty() || !l.endpoint.empty() || !l.db.empty() || l.overrides.any()) {
    throw UsageError(
        "--root, --endpoint, --db, --bucket, --ingest-bucket and the catalog flags only apply with "
        "--local; a deployed instance takes its settings from its Registry stack");
  }
}

int run_ingest(CommandFlags& f) {
  require_local_for_local_flags(f);
  auto& args = f.positional;
  if (f.is_local) {
    if (f.no_wait)
      throw UsageError("--no-wait is for a deployed instance; --local runs the job in this process");
    if (args.empty() || args.size() > 2) {
      throw UsageError(
          "ingest --local takes [<instance>] <job>: <job folder in the ingest bucket> or "
          "s3://<ingest bucket>/<job folder>");
    }
    if (args.size() == 2) f.local.instance = args[0];
    return ingest_local(args.back(), f.local);
  }
  if (args.size() != 2) throw UsageError("usage: heliocloud ingest <instance> <job>  (or --local ... <job>)");
  DeployedOptions d{
      .instance_dir = f.local.instance_dir, .region = f.region, .json = f.local.json, .no_wait = f.no_wait};
  return ingest_deployed(args[0], args[1], d);
}

int run_catalog(CommandFlags& f) {
  require_local_for_local_flags(f);
  auto& args = f.positional;
  if (f.is_local) {
    if (args.size() > 1) throw UsageError("catalog --local takes at most one argument: the instance");
    if (args.size() == 1) f.local.instance = args[0];
    return catalog_local(f.local);
  }
  if (args.size() != 1) throw UsageError("usage: heliocloud catalog <instance>  (or --local ...)");
  DeployedOptions d{.instance_dir = f.local.instance_dir, .region = f.region, .json = f.local.json};
  return catalog_deployed(args[0], d);
}

struct ValidateFlags {
  std::string job;
  std::vector<std::string> buckets;
  std::optional<std::string> region;
};

CLI::App* add_validate_command(CLI::App& app, ValidateFlags& f) {
  auto* cmd = app.add_subcommand(
      "validate",
      "Check a prepared job (entries.json, manifests, files) and report every problem; writes nothing");
  cmd->add_option("job", f.job, "The job: a local folder, or s3://<bucket>/<job folder>")->required();
  cmd->add_option("--bucket", f.buckets, "The instance's dataset buckets, if known (repeat)")
      ->allow_extra_args(false);
  cmd->add_option("--region", f.region, "With s3://: the bucket's region (default: AWS_REGION)");
  return cmd;
}

int run_validate(const ValidateFlags& f) {
  if (f.job.starts_with("s3://")) return validate_s3_job(f.job, f.buckets, f.region);
  if (f.region) throw UsageError("--region applies to an s3:// job only");
  return validate_job_folder(f.job, f.buckets);
}

// ingest and catalog: a deployed instance, or --local; `usage` describes the positional arguments.
CLI::App* add_service_command(CLI::App& app, CommandFlags& f, const std::string& name,
                              const std::string& description, const std::string& usage) {
  auto* cmd = app.add_subcommand(name, description);
  f.local.instance_dir = default_instance_dir();
  add_common_flags(*cmd, f, name == "catalog");
  cmd->add_option("args", f.positional, usage);
  return cmd;
}

CLI::App* add_ingest_command(CLI::App& app, CommandFlags& f) {
  auto* cmd = add_service_command(app, f, "ingest",
                                  "Publish the datasets of an ingest job: heliocloud ingest <instance> "
                                  "<job>, or --local [<instance>] <job>",
                                  "<instance> <job>  |  --local [<instance>] <job>");
  cmd->add_option("--parallel", f.local.parallel, "With --local: copies in flight at once")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--chunk-files", f.local.chunk_files,
                  "With --local: files per chunk (each chunk ends published; a rerun resumes after it); "
                  "default 1% of the dataset, 1,000 to 20,000")
      ->check(CLI::Range(1, 1000000));
  cmd->add_flag("--no-wait", f.no_wait,
                "Start the deployed Ingester and return; `heliocloud status` follows the job");
  return cmd;
}

CLI::App* add_catalog_command(CLI::App& app, CommandFlags& f) {
  return add_service_command(app, f, "catalog",
                             "Write catalog.json at the root of every dataset bucket: heliocloud "
                             "catalog <instance>, or --local [<instance>]",
                             "<instance>  |  --local [<instance>]");
}

struct RegistryImportFlags {
  CommandFlags common;
  ImportFlags import;
};

// `heliocloud registry import`: a group, so later registry maintenance commands have a home.
CLI::App* add_registry_command(CLI::App& app, RegistryImportFlags& f) {
  auto* registry = app.add_subcommand("registry", "Maintain an instance's registry");
  registry->require_subcommand(1);
  auto* cmd = registry->add_subcommand(
      "import",
      "Take over the catalog.json and index files the original (Python) platform published in the dataset "
      "buckets: fill the dataset table and rewrite them in CloudCatalog 1.1 form (a dry run unless --apply)");
  f.common.local.instance_dir = default_instance_dir();
  add_common_flags(*cmd, f.common, false);
  cmd->add_flag("--apply", f.import.apply,
                "Write the changes (each rewritten object is first copied to a dated backup)");
  cmd->add_flag("--prune-backups", f.import.prune_backups,
                "Instead of importing, list the backups earlier imports kept (delete them with --apply)");
  cmd->add_option("args", f.common.positional, "<instance>  |  --local [<instance>]");
  return registry;
}

int run_registry_import(RegistryImportFlags& f) {
  require_local_for_local_flags(f.common);
  auto& args = f.common.positional;
  if (f.common.is_local) {
    if (args.size() > 1) throw UsageError("registry import --local takes at most one argument: the instance");
    if (args.size() == 1) f.common.local.instance = args[0];
    return import_local(f.common.local, f.import);
  }
  if (args.size() != 1) throw UsageError("usage: heliocloud registry import <instance>  (or --local ...)");
  DeployedOptions d{
      .instance_dir = f.common.local.instance_dir, .region = f.common.region, .json = f.common.local.json};
  return import_deployed(args[0], d, f.import);
}

struct StatusFlags {
  LocalOptions local;
  bool is_local = false;
  std::optional<std::string> region;
  std::vector<std::string> positional;
};

CLI::App* add_status_command(CLI::App& app, StatusFlags& f) {
  auto* cmd = app.add_subcommand("status",
                                 "Ingest jobs in progress, published and failed, with their last error: "
                                 "heliocloud status <instance> [<job>], or --local [<job>]");
  f.local.instance_dir = default_instance_dir();
  cmd->add_flag("--local", f.is_local, "Read the local dataset store instead of the deployed instance's");
  cmd->add_option("--region", f.region,
                  "AWS region of the deployed instance (default: the instance's env.region)");
  cmd->add_option("--instance-dir", f.local.instance_dir, "Directory of the instance files")
      ->capture_default_str();
  cmd->add_option("--root", f.local.root, "With --local: the directory of buckets ingest --local used");
  cmd->add_option("--db", f.local.db, "With --local: the SQLite file of dataset records");
  cmd->add_flag("--json", f.local.json, "Print the jobs as JSON");
  cmd->add_option("args", f.positional, "<instance> [<job>]  |  --local [<job>]");
  return cmd;
}

int run_status(StatusFlags& f) {
  auto& args = f.positional;
  if (f.is_local) {
    if (f.region) throw UsageError("--region is for a deployed instance");
    if (args.size() > 1) throw UsageError("status --local takes at most one argument: the job");
    return status_local(args.empty() ? std::nullopt : std::optional(args[0]), f.local);
  }
  if (!f.local.root.empty() || !f.local.db.empty())
    throw UsageError("--root and --db only apply with --local");
  if (args.empty() || args.size() > 2)
    throw UsageError("usage: heliocloud status <instance> [<job>]  (or --local)");
  DeployedOptions d{.instance_dir = f.local.instance_dir, .region = f.region, .json = f.local.json};
  return status_deployed(args[0], args.size() == 2 ? std::optional(args[1]) : std::nullopt, d);
}

struct UploadFlags {
  std::string dir;
  std::string instance;
  std::string job;
  UploadOptions options;
};

CLI::App* add_upload_command(CLI::App& app, UploadFlags& f) {
  auto* cmd = app.add_subcommand(
      "upload", "Check a prepared job folder and upload it to the instance's ingest bucket in parallel");
  f.options.instance_dir = default_instance_dir();
  cmd->add_option("dir", f.dir, "The prepared job folder (entries.json, one folder per dataset)")->required();
  cmd->add_option("instance", f.instance, "The instance (instance/<name>.yaml)")->required();
  cmd->add_option("job", f.job, "Name of the job folder to create in the ingest bucket")->required();
  cmd->add_option("--region", f.options.region, "AWS region of the instance (default: its env.region)");
  cmd->add_option("--instance-dir", f.options.instance_dir, "Directory of the instance files")
      ->capture_default_str();
  cmd->add_option("--ingest-bucket", f.options.ingest_bucket,
                  "Upload to this bucket instead of the Registry stack's ingest bucket");
  cmd->add_option("--parallel", f.options.parallel, "Uploads in flight at once")->check(CLI::Range(1, 256));
  cmd->add_flag("--overwrite", f.options.overwrite, "Replace a job of the same name in the ingest bucket");
  return cmd;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{
      "heliocloud: publish heliophysics datasets to a HelioCloud (CloudCatalog 1.1) and run its Daskhub "
      "deploy kit"};
  app.require_subcommand(1);
  ValidateFlags validate_flags;
  CommandFlags ingest_flags;
  CommandFlags catalog_flags;
  UploadFlags upload_flags;
  StatusFlags status_flags;
  DaskhubFlags daskhub_flags;
  RegistryImportFlags registry_flags;
  const auto* validate_cmd = add_validate_command(app, validate_flags);
  const auto* ingest_cmd = add_ingest_command(app, ingest_flags);
  const auto* catalog_cmd = add_catalog_command(app, catalog_flags);
  const auto* upload_cmd = add_upload_command(app, upload_flags);
  const auto* status_cmd = add_status_command(app, status_flags);
  const auto* daskhub_cmd = add_daskhub_command(app, daskhub_flags);
  const auto* registry_cmd = add_registry_command(app, registry_flags);
  CatalogClientFlags client_flags;
  const auto client_cmds = add_catalog_client_commands(app, client_flags);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  try {
    if (*validate_cmd) return run_validate(validate_flags);
    if (*ingest_cmd) return run_ingest(ingest_flags);
    if (*catalog_cmd) return run_catalog(catalog_flags);
    if (*status_cmd) return run_status(status_flags);
    if (*upload_cmd)
      return upload_job(upload_flags.dir, upload_flags.instance, upload_flags.job, upload_flags.options);
    if (*daskhub_cmd) return run_daskhub(daskhub_flags);
    if (*registry_cmd) return run_registry_import(registry_flags);
    if (client_cmds.chosen()) return run_catalog_client(client_cmds, client_flags);
  } catch (const UsageError& e) {
    std::cerr << "heliocloud: " << e.what() << "\n";
    return kExitUsage;
  } catch (const daskhub::remote::SetupError& e) {
    std::cerr << "heliocloud: " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "heliocloud: " << e.what() << "\n";
    return kExitFailed;
  }
  return kExitUsage;
}

}  // namespace heliocloud::registry::cli
