#include "registry/import/import_service.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "registry/catalog.h"
#include "registry/catalog_service.h"
#include "registry/file_type.h"
#include "registry/index_file.h"
#include "registry/retry.h"

namespace heliocloud::registry {

namespace {

constexpr int kAttempts = 4;

std::string uri_of(const std::string& bucket, const std::string& key) {
  return "s3://" + bucket + "/" + key;
}

// "20261202T114800Z": sorts by time and is safe in a key.
std::string backup_stamp(const Instant& t) {
  const auto text = format_time(t, 0);  // 2026-12-02T11:48:00Z
  std::string out;
  for (char c : text) {
    if (c != '-' && c != ':') out += c;
  }
  return out;
}

// The catalog's `filetype` as the original wrote it (a list) or as 1.1 writes it ("fits,cdf").
std::vector<std::string> declared_file_types(const nlohmann::ordered_json& source) {
  std::vector<std::string> names;
  const auto it = source.find("filetype");
  if (it == source.end()) return {};
  if (it->is_string()) {
    std::string item;
    for (char c : it->get<std::string>() + ",") {
      if (c == ',') {
        names.push_back(item);
        item.clear();
      } else if (c != ' ') {
        item += c;
      }
    }
  } else if (it->is_array()) {
    for (const auto& v : *it)
      if (v.is_string()) names.push_back(v.get<std::string>());
  }
  std::vector<std::string> types;
  for (const auto& n : names) {
    if (const auto t = canonical_file_type(n)) types.emplace_back(*t);
  }
  return types;
}

std::optional<Instant> time_field(const nlohmann::ordered_json& source, const char* key) {
  const auto it = source.find(key);
  if (it == source.end() || !it->is_string()) return std::nullopt;
  try {
    return parse_time(it->get<std::string>());
  } catch (const TimeError&) {
    return std::nullopt;
  }
}

void add_type(std::vector<std::string>& types, std::string_view type) {
  if (std::ranges::find(types, type) == types.end()) types.emplace_back(type);
}

// One index row and where it came from, for messages.
struct SourcedRow {
  IndexRow row;
  std::string where;  // s3://bucket/key:line
};

// Rows of one dataset's index files, and everything wrong with them.
struct ReadIndex {
  std::map<std::string, std::string> files;  // key -> bytes as found
  std::vector<SourcedRow> rows;
  std::vector<std::string> extra_columns;
  bool unconvertible = false;
};

}  // namespace

nlohmann::ordered_json ImportResult::to_json() const {
  nlohmann::ordered_json j;
  j["ok"] = ok();
  j["applied"] = applied;
  auto c = nlohmann::ordered_json::array();
  for (const auto& change : changes) {
    nlohmann::ordered_json e{{"object", change.uri}, {"action", change.action}};
    if (!change.backup.empty()) e["backup"] = change.backup;
    if (!change.detail.empty()) e["detail"] = change.detail;
    c.push_back(std::move(e));
  }
  j["changes"] = std::move(c);
  auto d = nlohmann::ordered_json::array();
  for (const auto& dataset : datasets) {
    d.push_back(
        {{"id", dataset.id}, {"bucket", dataset.bucket}, {"record", dataset.record}, {"rows", dataset.rows}});
  }
  j["datasets"] = std::move(d);
  const auto list = [](const Problems& problems) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& p : problems) out.push_back(p.to_string());
    return out;
  };
  j["unconverted"] = list(unconverted);
  j["rejected"] = list(rejected);
  j["errors"] = list(errors);
  return j;
}

// What one bucket's import has planned so far.
struct ImportService::BucketImport {
  std::string bucket;
  std::vector<DatasetRecord> records;  // the datasets of its catalog.json as they are to be stored
  bool blocked = false;                // something could not be converted: catalog.json stays
};

ImportService::ImportService(ObjectStore& objects, DatasetStore& records, RegistrySettings settings,
                             ImportOptions options)
    : objects_(objects),
      records_(records),
      settings_(std::move(settings)),
      options_(options),
      backup_folder_(std::string(kImportBackupPrefix) + backup_stamp(options.now) + "/") {}

ImportResult ImportService::run() {
  ImportResult result;
  result.applied = options_.apply;
  for (const auto& bucket : settings_.dataset_buckets) {
    try {
      import_bucket(bucket, result);
    } catch (const std::exception& e) {
      result.errors.push_back({.where = "s3://" + bucket + "/",
                               .message = e.what(),
                               .fix = "fix the cause and run the import again"});
    }
  }
  return result;
}

ImportResult ImportService::prune_backups() {
  ImportResult result;
  result.applied = options_.apply;
  for (const auto& bucket : settings_.dataset_buckets) {
    try {
      std::vector<std::string> keys;
      for (const auto& o : objects_.list(bucket, std::string(kImportBackupPrefix))) {
        result.changes.push_back({.uri = uri_of(bucket, o.key),
                                  .action = "delete",
                                  .backup = "",
                                  .detail = std::to_string(o.size) + " bytes"});
        keys.push_back(o.key);
      }
      if (!options_.apply || keys.empty()) continue;
      for (const auto& f : objects_.remove_many(bucket, keys))
        result.errors.push_back({.where = uri_of(bucket, f.key),
                                 .message = "not deleted: " + f.reason,
                                 .fix = "run --prune-backups again"});
    } catch (const std::exception& e) {
      result.errors.push_back({.where = "s3://" + bucket + "/", .message = e.what(), .fix = ""});
    }
  }
  return result;
}

void ImportService::import_bucket(const std::string& bucket, ImportResult& result) {
  if (!objects_.bucket_exists(bucket)) {
    result.errors.push_back({.where = "s3://" + bucket + "/",
                             .message = "the bucket does not exist or cannot be read",
                             .fix = "check registry.datasetBucketNames and your credentials"});
    return;
  }
  const std::string catalog_uri = uri_of(bucket, std::string(kCatalogKey));
  const auto body = objects_.get(bucket, std::string(kCatalogKey));
  if (!body) return;  // nothing published here yet: nothing to take over
  nlohmann::ordered_json doc;
  try {
    doc = nlohmann::ordered_json::parse(*body);
  } catch (const nlohmann::json::parse_error& e) {
    result.unconverted.push_back({.where = catalog_uri,
                                  .message = std::string("not JSON: ") + e.what(),
                                  .fix = "repair the file by hand"});
    return;
  }
  if (!doc.is_object() || !doc.contains("catalog") || !doc.at("catalog").is_array()) {
    result.unconverted.push_back({.where = catalog_uri,
                                  .message = "has no \"catalog\" list of datasets",
                                  .fix = "repair the file by hand"});
    return;
  }

  BucketImport b;
  b.bucket = bucket;
  // The original's entries: `dataset_id`, `about_url`, nulls, an index without the final '/' (§7 #9-13) are
  // what parse_entries already accepts from providers; computed keys (start, stop, filetype...) are read
  // below.
  const auto entries = parse_entries(doc.at("catalog").dump(), catalog_uri, {bucket});
  for (const auto& p : entries.problems) result.unconverted.push_back(p);
  for (const auto& parsed : entries.entries) {
    if (!parsed.entry) {
      for (const auto& p : parsed.problems) result.unconverted.push_back(p);
      b.blocked = true;
      continue;
    }
    import_dataset(b, parsed.source, *parsed.entry, result);
  }
  if (!entries.problems.empty()) b.blocked = true;

  if (b.blocked) {
    result.unconverted.push_back(
        {.where = catalog_uri,
         .message = "left as it is, because some of its datasets could not be imported (above)",
         .fix = "fix them and run the import again; until then do not run `heliocloud "
                "catalog`, which would list only "
                "the imported datasets"});
    return;
  }
  // Datasets already in the store for this bucket (ingested since the take-over) stay listed.
  std::vector<DatasetRecord> listed = b.records;
  for (auto& stored : records_.list()) {
    if (stored.record.index.bucket != bucket) continue;
    const bool planned =
        std::ranges::any_of(b.records, [&](const auto& r) { return r.id == stored.record.id; });
    if (!planned) listed.push_back(std::move(stored.record));
  }
  RegistrySettings settings = settings_;
  // An instance file without registry.catalog keeps what the original published.
  if (settings.catalog_name.empty()) settings.catalog_name = doc.value("name", "");
  if (settings.catalog_contact.empty()) settings.catalog_contact = doc.value("contact", "");
  if (settings.catalog_description.empty() && doc.contains("description") &&
      doc.at("description").is_string())
    settings.catalog_description = doc.at("description").get<std::string>();
  write_if_changed(bucket, std::string(kCatalogKey), body, catalog_body(build_catalog(settings, listed)),
                   "application/json", std::to_string(listed.size()) + " dataset(s)", result);
}

namespace {

// Reads every `<id>_<YYYY>.csv` of the dataset; rows that cannot be read are reported as unconverted.
ReadIndex read_index_files(ObjectStore& objects, const std::string& bucket,
                           const std::map<std::string, ObjectInfo>& listing, const Entry& entry,
                           ImportResult& result) {
  ReadIndex out;
  bool first = true;
  for (const auto& listed : listing) {
    const std::string& key = listed.first;  // a named variable: lambdas may not capture structured bindings
    if (!index_file_year(entry.index, entry.id, key)) continue;
    const auto text = with_retries(kAttempts, [&] { return objects.get(bucket, key); });
    if (!text) continue;
    out.files.emplace(key, *text);
    const auto name = uri_of(bucket, key);
    std::vector<IndexLineError> bad;
    std::vector<std::size_t> lines;
    IndexFile file;
    try {
      file = parse_index_file(*text, name, bad, lines);
    } catch (const IndexFormatError& e) {
      result.unconverted.push_back(
          {.where = "", .message = e.what(), .fix = "repair the file by hand and run the import again"});
      out.unconvertible = true;
      continue;
    }
    for (const auto& line : bad) {
      result.unconverted.push_back({.where = name + ":" + std::to_string(line.line),
                                    .message = line.message,
                                    .fix = "correct the line (or delete it) and run the import again"});
      out.unconvertible = true;
    }
    if (first) {
      out.extra_columns = file.extra_columns;
      first = false;
    } else if (file.extra_columns != out.extra_columns) {
      result.unconverted.push_back({.where = name + ":1",
                                    .message = "its columns differ from the dataset's other index files",
                                    .fix = "give every index file of the dataset the same columns"});
      out.unconvertible = true;
    }
    for (std::size_t i = 0; i < file.rows.size(); ++i)
      out.rows.push_back({.row = std::move(file.rows[i]), .where = name + ":" + std::to_string(lines.at(i))});
  }
  return out;
}

// What our ingest would have refused about a row: reported, the row kept as the original wrote it.
void check_row(const SourcedRow& r, const std::string& bucket,
               const std::map<std::string, ObjectInfo>& listing, ObjectStore& objects,
               std::vector<std::string>& types, Problems& rejected) {
  // The original put data under the dataset's folder (listed once); anything else is looked up by itself.
  const std::string prefix = "s3://" + bucket + "/";
  if (!r.row.datakey.starts_with(prefix)) {
    rejected.push_back({.where = r.where,
                        .message = "datakey " + r.row.datakey + " is not an object of s3://" + bucket + "/",
                        .fix = "keep data and index in the same bucket"});
    return;
  }
  const std::string key = r.row.datakey.substr(prefix.size());
  const auto ext = extension_of(key);
  const auto type = ext ? canonical_file_type(*ext) : std::nullopt;
  if (type) {
    add_type(types, *type);
  } else {
    rejected.push_back({.where = r.where,
                        .message = key + ": the extension is not a CloudCatalog file type",
                        .fix = "rename the file to one of " + known_extensions_hint()});
  }
  std::optional<ObjectInfo> found;
  if (const auto it = listing.find(key); it != listing.end())
    found = it->second;
  else
    found = with_retries(kAttempts, [&] { return objects.head(bucket, key); });
  if (!found) {
    rejected.push_back({.where = r.where,
                        .message = key + ": no such object in the bucket",
                        .fix = "upload the file or delete the line"});
  } else if (found->size != r.row.size) {
    rejected.push_back({.where = r.where,
                        .message = key + ": size " + std::to_string(r.row.size) + " in the index, " +
                                   std::to_string(found->size) + " in the bucket",
                        .fix = "re-upload the file or correct the size"});
  }
}

}  // namespace

void ImportService::import_dataset(BucketImport& b, const nlohmann::ordered_json& source, const Entry& entry,
                                   ImportResult& result) {
  ImportedDataset report{.id = entry.id, .bucket = b.bucket, .record = "not imported", .rows = 0};
  const auto stored = records_.get(entry.id);
  // The dataset's folder: its index files and (as the original wrote them) its data, with sizes.
  std::map<std::string, ObjectInfo> listing;
  for (auto& o : with_retries(kAttempts, [&] { return objects_.list(b.bucket, entry.index.folder + "/"); }))
    listing.emplace(o.key, o);
  auto read = read_index_files(objects_, b.bucket, listing, entry, result);

  // Rows by datakey: the original's per-year PUT (§7 #15) can leave a file listed twice; it is written once.
  std::vector<std::string> types = declared_file_types(source);
  std::map<std::string, std::string> seen;
  std::map<int, IndexFile> years;
  for (const auto& [key, bytes] : read.files) {
    if (const auto y = index_file_year(entry.index, entry.id, key))
      years[*y].extra_columns = read.extra_columns;
  }
  int digits = stored ? stored->record.fraction_digits : 0;
  std::optional<Instant> start, stop;
  for (auto& r : read.rows) {
    if (const auto [it, fresh] = seen.emplace(r.row.datakey, r.where); !fresh) {
      result.rejected.push_back({.where = r.where,
                                 .message = r.row.datakey + " is listed again (first at " + it->second + ")",
                                 .fix = "nothing: the import writes it once"});
      continue;
    }
    check_row(r, b.bucket, listing, objects_, types, result.rejected);
    digits = std::max({digits, fraction_digits_needed(r.row.start), fraction_digits_needed(r.row.stop)});
    start = start ? std::min(*start, r.row.start) : r.row.start;
    stop = stop ? std::max(*stop, r.row.stop) : r.row.stop;
    auto& year = years[r.row.start.year()];
    year.extra_columns = read.extra_columns;
    year.rows.push_back(r.row);
    ++report.rows;
  }
  if (!start) {
    // No index rows: the catalog's own range, as the original published it.
    start = time_field(source, "start");
    stop = time_field(source, "stop");
  }
  if (read.unconvertible || !start || !stop) {
    if (!read.unconvertible) {
      result.unconverted.push_back(
          {.where = uri_of(b.bucket, std::string(kCatalogKey)) + " (dataset " + entry.id + ")",
           .message = "no index rows and no readable start and stop",
           .fix = "give the entry start and stop times, or publish its index files"});
    }
    b.blocked = true;
    result.datasets.push_back(report);
    return;
  }
  if (types.empty()) {
    types.emplace_back("other");
    result.rejected.push_back(
        {.where = uri_of(b.bucket, std::string(kCatalogKey)) + " (dataset " + entry.id + ")",
         .message = "no file type known; catalog.json says \"other\"",
         .fix = "ingest files with a known extension"});
  }
  std::ranges::sort(types,
                    [](const auto& x, const auto& y) { return file_type_rank(x) < file_type_rank(y); });

  DatasetRecord record;
  record.id = entry.id;
  record.index = entry.index;
  record.title = entry.title;
  record.metadata = entry.metadata;
  record.start = *start;
  record.stop = *stop;
  record.file_types = types;
  record.fraction_digits = digits;
  record.extra_columns = read.extra_columns;
  // Unchanged but for the modification time = unchanged: a second import leaves the record alone.
  record.modification =
      stored ? stored->record.modification : time_field(source, "modification").value_or(options_.now);
  const bool unchanged = stored && stored->record == record;
  report.record = !stored ? "created" : (unchanged ? "unchanged" : "updated");
  if (stored && !unchanged) record.modification = options_.now;
  b.records.push_back(record);

  const std::string owner = "import-" + backup_stamp(options_.now);
  if (options_.apply && !records_.try_acquire_lease(entry.id, owner, options_.lease_ttl)) {
    result.errors.push_back({.where = "dataset " + entry.id,
                             .message = "an ingest of this dataset is running",
                             .fix = "run the import again when it has finished"});
    b.blocked = true;
    report.record = "not imported";
    result.datasets.push_back(report);
    return;
  }
  try {
    for (auto& [year, file] : years) {
      std::ranges::sort(file.rows, index_order);
      const auto key = index_file_key(entry.index, entry.id, year);
      const auto it = read.files.find(key);
      const std::optional<std::string> old =
          it == read.files.end() ? std::nullopt : std::optional(it->second);
      write_if_changed(b.bucket, key, old, format_index_file(file, digits), "text/csv",
                       std::to_string(file.rows.size()) + " rows", result);
    }
    if (options_.apply && !unchanged && !records_.put_if_version(record, stored ? stored->version : 0)) {
      throw StoreError("the record of dataset " + entry.id +
                       " changed while it was imported; run the import again");
    }
  } catch (...) {
    if (options_.apply) records_.release_lease(entry.id, owner);
    throw;
  }
  if (options_.apply) records_.release_lease(entry.id, owner);
  result.datasets.push_back(report);
}

void ImportService::write_if_changed(const std::string& bucket, const std::string& key,
                                     const std::optional<std::string>& old, const std::string& body,
                                     const std::string& content_type, const std::string& detail,
                                     ImportResult& result) {
  if (old && *old == body) return;
  ImportChange change{
      .uri = uri_of(bucket, key), .action = old ? "rewrite" : "create", .backup = "", .detail = detail};
  if (old) change.backup = uri_of(bucket, backup_folder_ + key);
  if (options_.apply) {
    // The backup first: if the PUT fails the old bytes are kept twice, never lost.
    if (old) with_retries(kAttempts, [&] { objects_.copy(bucket, key, bucket, backup_folder_ + key); });
    with_retries(kAttempts, [&] { objects_.put(bucket, key, body, content_type); });
  }
  result.changes.push_back(std::move(change));
}

}  // namespace heliocloud::registry
