#include "registry/job_validator.h"

#include <algorithm>
#include <set>

#include "base/text.h"

namespace heliocloud::registry {

namespace {

std::string join(const std::vector<std::string>& v) {
  return v.empty() ? "(none)" : base::join(v, ", ");
}

PlannedFile plan_file(const Entry& entry, const std::string& data_prefix, ManifestRow&& row, bool in_job) {
  PlannedFile f;
  f.source_key = data_prefix + row.key;
  f.destination_key = entry.index.key(row.published_key);
  f.in_job = in_job;
  f.file_type = std::move(row.file_type);
  f.row = {.start = row.start,
           .stop = row.stop,
           .datakey = "s3://" + entry.index.bucket + "/" + f.destination_key,
           .size = row.size,
           .extras = std::move(row.extras)};
  return f;
}

class DatasetValidator {
 public:
  DatasetValidator(ObjectStore& store, DatasetStore* records, const RegistrySettings& settings,
                   const JobLocation& job, const ValidateOptions& options, DatasetPlan& plan)
      : store_(store), records_(records), settings_(settings), job_(job), options_(options), plan_(plan) {}

  void run() {
    const auto& entry = plan_.parsed.entry.value();
    if (!find_manifest(entry)) return;
    data_prefix_ = job_.key(entry.id + "/");
    list_job_files();
    // Rows an earlier run of this job published are not looked for, if the manifest is the one it counted
    // in. That is known once the manifest is read: read it taking it to be, and again if it is not.
    const auto* resumed = resumed_progress(entry);
    const auto published_rows = resumed != nullptr ? resumed->rows_done : 0;
    if (!read_manifest(entry, published_rows)) return;
    if (published_rows > 0 && plan_.manifest_hash != resumed->manifest_hash && !read_manifest(entry, 0))
      return;
    if (duplicates_.find_suspects()) recheck_duplicates();
    plan_.problems.insert(plan_.problems.end(), manifest_problems_.begin(), manifest_problems_.end());
    check_destination(entry);
    check_extra_columns(entry);
    end_problem_list(file_problems_, files_unlisted_, plan_.manifest_name);
    plan_.problems.insert(plan_.problems.end(), file_problems_.begin(), file_problems_.end());
  }

 private:
  // <job>/<id>/manifest.csv, or the original's <job>/<last segment of index>/manifest.csv.
  bool find_manifest(const Entry& entry) {
    const auto last = entry.index.folder.substr(entry.index.folder.rfind('/') + 1);
    for (const auto& dir : {entry.id, last}) {
      const auto key = job_.key(dir + "/" + std::string(kManifestFile));
      if (store_.head(job_.bucket, key)) {
        plan_.manifest_key = key;
        plan_.manifest_name = dir + "/" + std::string(kManifestFile);
        return true;
      }
    }
    plan_.problems.push_back({.where = entry.id + "/" + std::string(kManifestFile),
                              .message = "not found in " + job_.uri() + entry.id + "/",
                              .fix = "upload the dataset's manifest.csv next to its data files"});
    return false;
  }

  // The job's files of this dataset, by key hash: 16 bytes each.
  void list_job_files() {
    store_.list_pages(job_.bucket, data_prefix_, [&](std::vector<ObjectInfo>& page) {
      for (const auto& o : page) uploaded_.add(std::string_view(o.key).substr(data_prefix_.size()), o.size);
    });
    uploaded_.seal();
  }

  [[nodiscard]] const DatasetProgress* resumed_progress(const Entry& entry) const {
    if (options_.resume == nullptr) return nullptr;
    for (const auto& d : options_.resume->datasets) {
      if (d.id == entry.id && d.rows_done > 0) return &d;
    }
    return nullptr;
  }

  // One read of the whole manifest, checking each row as it comes; false when the manifest is gone.
  bool read_manifest(const Entry& entry, std::size_t published_rows) {
    plan_.file_count = 0;
    plan_.bytes = 0;
    plan_.in_job.clear();
    years_.clear();
    duplicates_ = {};
    file_problems_.clear();
    files_unlisted_ = 0;
    ObjectReader reader(store_, job_.bucket, plan_.manifest_key, {}, options_.manifest_piece_bytes);
    ManifestHasher hash;
    ManifestReader rows(
        [&]() {
          auto piece = reader.next();
          if (piece) hash.add(*piece);
          return piece;
        },
        plan_.manifest_name);
    ManifestRow row;
    while (rows.next(row)) check_row(entry, row, plan_.file_count < published_rows);
    if (reader.missing()) {
      plan_.problems.push_back({.where = plan_.manifest_name,
                                .message = "the manifest disappeared while validating",
                                .fix = "upload it again"});
      return false;
    }
    plan_.manifest_hash = hash.hex();
    plan_.manifest_version = reader.version();
    plan_.extra_columns = rows.extra_columns();
    plan_.years.assign(years_.begin(), years_.end());
    manifest_problems_ = rows.take_problems();
    return true;
  }

  // Rows whose published keys' hashes meet: the manifest's problems again, with the duplicates among them.
  void recheck_duplicates() {
    ObjectReader reader(store_, job_.bucket, plan_.manifest_key, plan_.manifest_version,
                        options_.manifest_piece_bytes);
    ManifestReader rows([&]() { return reader.next(); }, plan_.manifest_name, &duplicates_);
    ManifestRow row;
    while (rows.next(row)) {
    }
    manifest_problems_ = rows.take_problems();
  }

  void check_row(const Entry& entry, const ManifestRow& row, bool published) {
    duplicates_.add(row.published_key);
    ++plan_.file_count;
    plan_.bytes += row.size;
    years_.insert(row.start.year());
    auto listed = uploaded_.find(row.key);
    if (published) {
      // Published by an earlier run: only whether it is still in the job to be deleted matters (deleting a
      // file that is not there is harmless, so a hash that may be another key's does too).
      plan_.in_job.push_back(listed.listed);
      return;
    }
    if (listed.listed && (listed.ambiguous || listed.size != row.size)) {
      // Another key with the same hash, or a size problem to report: ask the store about this very key.
      const auto head = store_.head(job_.bucket, data_prefix_ + row.key);
      listed = {.listed = head.has_value(), .ambiguous = false, .size = head ? head->size : 0};
    }
    const auto where = plan_.manifest_name + ":" + std::to_string(row.line);
    if (listed.listed) {
      if (listed.size != row.size) {
        add_problem(file_problems_, files_unlisted_,
                    {.where = where,
                     .message = row.key + ": size " + std::to_string(row.size) + " in the manifest, " +
                                std::to_string(listed.size) + " in the bucket",
                     .fix = "upload the file again or correct its size in the manifest"});
      }
      plan_.in_job.push_back(true);
      return;
    }
    // An earlier run may have published it and deleted it from the job before failing: then it is done.
    const auto published_file = destination_reachable(entry)
                                    ? store_.head(entry.index.bucket, entry.index.key(row.published_key))
                                    : std::nullopt;
    if (!published_file || published_file->size != row.size) {
      add_problem(file_problems_, files_unlisted_,
                  {.where = where,
                   .message = row.key + ": not found in " + job_.uri() + entry.id + "/",
                   .fix = "upload it to " + job_.uri() + entry.id + "/" + row.key +
                          " or remove its row from the manifest"});
    }
    plan_.in_job.push_back(false);
  }

  bool destination_reachable(const Entry& entry) {
    if (!reachable_) reachable_ = options_.check_reachable && store_.bucket_exists(entry.index.bucket);
    return *reachable_;
  }

  void check_destination(const Entry& entry) {
    const auto& buckets = settings_.dataset_buckets;
    if (options_.check_membership && std::ranges::find(buckets, entry.index.bucket) == buckets.end()) {
      plan_.problems.push_back(
          {.where = std::string(kEntriesFile) + " (id " + entry.id + ")",
           .message = "index bucket \"" + entry.index.bucket + "\" is not a dataset bucket of this instance",
           .fix = "use one of: " + join(buckets)});
    } else if (options_.check_reachable && !store_.bucket_exists(entry.index.bucket)) {
      plan_.problems.push_back({.where = std::string(kEntriesFile) + " (id " + entry.id + ")",
                                .message = "dataset bucket \"" + entry.index.bucket + "\" is not reachable",
                                .fix = "check that the instance is deployed and the bucket exists"});
    }
  }

  void check_extra_columns(const Entry& entry) {
    if (records_ == nullptr) return;
    const auto stored = records_->get(entry.id);
    if (!stored || stored->record.extra_columns == plan_.extra_columns) return;
    plan_.problems.push_back(
        {.where = plan_.manifest_name + ":1",
         .message = "extra columns [" + join(plan_.extra_columns) + "] differ from the published index's [" +
                    join(stored->record.extra_columns) + "]",
         .fix =
             "clients read one set of columns per dataset: use the same extra columns as earlier ingests"});
  }

  ObjectStore& store_;
  DatasetStore* records_;
  const RegistrySettings& settings_;
  const JobLocation& job_;
  const ValidateOptions& options_;
  DatasetPlan& plan_;
  std::string data_prefix_;
  ListedSizes uploaded_;
  DuplicateKeys duplicates_;
  std::set<int> years_;
  std::optional<bool> reachable_;
  Problems manifest_problems_;
  Problems file_problems_;  // of the files the rows name (missing, other size): the first kMaxListedProblems
  std::size_t files_unlisted_ = 0;
};

}  // namespace

bool JobPlan::ok() const {
  return problems.empty() && std::ranges::all_of(datasets, [](const auto& d) { return d.ok(); });
}

Problems JobPlan::all_problems() const {
  Problems all = problems;
  for (const auto& d : datasets) all.insert(all.end(), d.problems.begin(), d.problems.end());
  return all;
}

JobPlan validate_job(ObjectStore& store, DatasetStore* records, const RegistrySettings& settings,
                     const JobLocation& job, const ValidateOptions& options) {
  JobPlan plan;
  plan.job = job;
  const auto text = store.get(job.bucket, job.key(kEntriesFile));
  if (!text) {
    plan.problems.push_back(
        {.where = std::string(kEntriesFile),
         .message = "not found in " + job.uri(),
         .fix = "upload entries.json (a JSON array of dataset entries) to the job folder"});
    return plan;
  }
  const auto buckets = options.check_membership ? settings.dataset_buckets : std::vector<std::string>{};
  auto entries = parse_entries(*text, kEntriesFile, buckets);
  plan.problems = std::move(entries.problems);
  for (auto& parsed : entries.entries) {
    DatasetPlan d;
    d.parsed = std::move(parsed);
    d.problems = d.parsed.problems;
    if (d.parsed.entry) DatasetValidator(store, records, settings, job, options, d).run();
    plan.datasets.push_back(std::move(d));
  }
  return plan;
}

PlannedFiles::PlannedFiles(ObjectStore& store, const JobLocation& job, const DatasetPlan& plan,
                           std::size_t piece_bytes)
    : job_(job),
      plan_(plan),
      reader_(store, job.bucket, plan.manifest_key, plan.manifest_version, piece_bytes),
      rows_([this]() { return reader_.next(); }, plan.manifest_name) {}

std::vector<PlannedFile> PlannedFiles::next(std::size_t count) {
  const auto& entry = plan_.parsed.entry.value();
  const auto data_prefix = job_.key(entry.id + "/");
  std::vector<PlannedFile> files;
  files.reserve(std::min(count, plan_.file_count - std::min(position_, plan_.file_count)));
  ManifestRow row;
  while (files.size() < count && position_ < plan_.file_count) {
    const bool read = rows_.next(row);
    if (!rows_.problems().empty()) changed(rows_.problems().front().to_string());
    if (!read) changed("it has fewer rows");
    files.push_back(plan_file(entry, data_prefix, std::move(row), plan_.in_job[position_]));
    ++position_;
  }
  return files;
}

void PlannedFiles::skip(std::size_t count) {
  count = std::min(count, plan_.file_count - std::min(position_, plan_.file_count));
  if (rows_.skip(count) != count) changed("it has fewer rows");
  position_ += count;
}

void PlannedFiles::changed(const std::string& why) const {
  throw std::runtime_error(plan_.manifest_name + " is not the manifest validated (" + why +
                           "); run the job again");
}

}  // namespace heliocloud::registry
