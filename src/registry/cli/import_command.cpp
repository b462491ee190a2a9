#include "registry/cli/import_command.h"

#include <iostream>

#include "aws/dynamodb.h"
#include "aws/s3.h"
#include "registry/aws/dynamodb_dataset_store.h"
#include "registry/aws/s3_object_store.h"
#include "registry/cli/usage_error.h"
#include "registry/import/import_service.h"

namespace heliocloud::registry::cli {

namespace {

int run_import(ObjectStore& objects, DatasetStore& records, const RegistrySettings& settings,
               const ImportFlags& flags, bool json) {
  ImportOptions options;
  options.apply = flags.apply;
  ImportService service(objects, records, settings, options);
  const auto result = flags.prune_backups ? service.prune_backups() : service.run();
  return print_import_result(result.to_json(), json, std::cout) ? kExitOk : kExitFailed;
}

void print_list(const nlohmann::ordered_json& items, const std::string& title, std::ostream& out) {
  if (items.empty()) return;
  out << items.size() << " " << title << ":\n";
  for (const auto& item : items) out << "  " << item.get<std::string>() << "\n";
}

}  // namespace

bool print_import_result(const nlohmann::ordered_json& result, bool json, std::ostream& out) {
  const bool ok = result.at("ok").get<bool>();
  if (json) {
    out << result.dump(2) << "\n";
    return ok;
  }
  const bool applied = result.at("applied").get<bool>();
  const auto& changes = result.at("changes");
  for (const auto& c : changes) {
    out << (applied ? "" : "would ") << c.at("action").get<std::string>() << " "
        << c.at("object").get<std::string>();
    if (c.contains("detail")) out << " (" << c.at("detail").get<std::string>() << ")";
    if (c.contains("backup")) out << "; backup " << c.at("backup").get<std::string>();
    out << "\n";
  }
  for (const auto& d : result.at("datasets")) {
    const auto record = d.at("record").get<std::string>();
    const bool planned = !applied && record != "not imported";
    out << "dataset " << d.at("id").get<std::string>() << " in " << d.at("bucket").get<std::string>() << ": "
        << d.at("rows").get<std::size_t>() << " rows, record " << (planned ? "would be " : "") << record
        << "\n";
  }
  print_list(result.at("unconverted"), "line(s) or entries not converted (left as they are)", out);
  print_list(result.at("rejected"), "row(s) our ingest would reject (kept as written)", out);
  print_list(result.at("errors"), "error(s)", out);
  if (changes.empty())
    out << "nothing to change\n";
  else if (!applied)
    out << "dry run: nothing was written; run again with --apply to write these " << changes.size()
        << " change(s)\n";
  return ok;
}

int import_local(const LocalOptions& options, const ImportFlags& flags) {
  std::string region;
  const auto settings = resolve_settings(options, false, region);
  auto storage = open_storage(options, region);
  return run_import(*storage.objects, *storage.records, settings, flags, options.json);
}

int import_deployed(const std::string& instance, const DeployedOptions& options, const ImportFlags& flags) {
  // The import runs here, against the instance's buckets and dataset table (named by the Registry stack).
  const auto d = connect_instance(instance, options);
  auto settings = settings_from_instance(load_instance(options.instance_dir, instance));
  settings.dataset_buckets = d.stack.dataset_buckets;
  settings.ingest_bucket = d.stack.ingest_bucket;
  const aws::S3Client s3(d.config);
  S3ObjectStore objects(s3);
  const aws::DynamoDbClient dynamodb(d.config);
  DynamoDbDatasetStore records(dynamodb, d.stack.dataset_table);
  return run_import(objects, records, settings, flags, options.json);
}

}  // namespace heliocloud::registry::cli
