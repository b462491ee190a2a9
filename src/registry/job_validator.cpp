#include "registry/job_validator.h"

#include <algorithm>
#include <unordered_map>

#include "base/text.h"

namespace heliocloud::registry {

namespace {

std::string join(const std::vector<std::string>& v) {
  return v.empty() ? "(none)" : base::join(v, ", ");
}

class DatasetValidator {
 public:
  DatasetValidator(ObjectStore& store, DatasetStore* records, const RegistrySettings& settings,
                   const JobLocation& job, const ValidateOptions& options, DatasetPlan& plan)
      : store_(store), records_(records), settings_(settings), job_(job), options_(options), plan_(plan) {}

  void run() {
    const auto& entry = *plan_.parsed.entry;
    if (!find_manifest(entry)) return;
    const auto text = store_.get(job_.bucket, plan_.manifest_key);
    if (!text) {
      plan_.problems.push_back(
          {manifest_name_, "the manifest disappeared while validating", "upload it again"});
      return;
    }
    plan_.manifest_hash = manifest_hash(*text);
    auto parsed = parse_manifest(*text, manifest_name_);
    plan_.manifest = std::move(parsed.manifest);
    plan_.problems.insert(plan_.problems.end(), parsed.problems.begin(), parsed.problems.end());
    check_destination(entry);
    check_extra_columns(entry);
    check_files(entry);
  }

 private:
  // <job>/<id>/manifest.csv, or the original's <job>/<last segment of index>/manifest.csv.
  bool find_manifest(const Entry& entry) {
    const auto last = entry.index.folder.substr(entry.index.folder.rfind('/') + 1);
    for (const auto& dir : {entry.id, last}) {
      const auto key = job_.key(dir + "/" + std::string(kManifestFile));
      if (store_.head(job_.bucket, key)) {
        plan_.manifest_key = key;
        manifest_name_ = dir + "/" + std::string(kManifestFile);
        return true;
      }
    }
    plan_.problems.push_back({entry.id + "/" + std::string(kManifestFile),
                              "not found in " + job_.uri() + entry.id + "/",
                              "upload the dataset's manifest.csv next to its data files"});
    return false;
  }

  void check_destination(const Entry& entry) {
    const auto& buckets = settings_.dataset_buckets;
    if (options_.check_membership &&
        std::find(buckets.begin(), buckets.end(), entry.index.bucket) == buckets.end()) {
      plan_.problems.push_back(
          {std::string(kEntriesFile) + " (id " + entry.id + ")",
           "index bucket \"" + entry.index.bucket + "\" is not a dataset bucket of this instance",
           "use one of: " + join(buckets)});
    } else if (options_.check_reachable && !store_.bucket_exists(entry.index.bucket)) {
      plan_.problems.push_back({std::string(kEntriesFile) + " (id " + entry.id + ")",
                                "dataset bucket \"" + entry.index.bucket + "\" is not reachable",
                                "check that the instance is deployed and the bucket exists"});
    }
  }

  void check_extra_columns(const Entry& entry) {
    if (records_ == nullptr) return;
    const auto stored = records_->get(entry.id);
    if (!stored || stored->record.extra_columns == plan_.manifest.extra_columns) return;
    plan_.problems.push_back(
        {manifest_name_ + ":1",
         "extra columns [" + join(plan_.manifest.extra_columns) + "] differ from the published index's [" +
             join(stored->record.extra_columns) + "]",
         "clients read one set of columns per dataset: use the same extra columns as earlier ingests"});
  }

  void check_files(const Entry& entry) {
    const auto data_prefix = job_.key(entry.id + "/");
    std::unordered_map<std::string, std::uint64_t> uploaded;
    for (auto& o : store_.list(job_.bucket, data_prefix))
      uploaded.emplace(o.key.substr(data_prefix.size()), o.size);

    std::size_t published_rows = 0;
    if (options_.resume != nullptr) {
      for (const auto& d : options_.resume->datasets) {
        if (d.id == entry.id && d.manifest_hash == plan_.manifest_hash) published_rows = d.rows_done;
      }
    }
    for (std::size_t i = 0; i < plan_.manifest.rows.size(); ++i) {
      const auto& row = plan_.manifest.rows[i];
      PlannedFile f;
      f.source_key = data_prefix + row.key;
      f.destination_key = entry.index.key(row.published_key);
      f.file_type = row.file_type;
      f.row = {row.start, row.stop, "s3://" + entry.index.bucket + "/" + f.destination_key, row.size,
               row.extras};
      const auto where = manifest_name_ + ":" + std::to_string(row.line);
      if (i < published_rows) {
        f.in_job = uploaded.contains(row.key);
        plan_.files.push_back(std::move(f));
        continue;
      }
      if (const auto it = uploaded.find(row.key); it != uploaded.end()) {
        if (it->second != row.size) {
          plan_.problems.push_back({where,
                                    row.key + ": size " + std::to_string(row.size) + " in the manifest, " +
                                        std::to_string(it->second) + " in the bucket",
                                    "upload the file again or correct its size in the manifest"});
          continue;
        }
      } else {
        // An earlier run may have published it and deleted it from the job before failing: then it is done.
        const auto published = options_.check_reachable && store_.bucket_exists(entry.index.bucket)
                                   ? store_.head(entry.index.bucket, f.destination_key)
                                   : std::nullopt;
        if (!published || published->size != row.size) {
          plan_.problems.push_back({where, row.key + ": not found in " + job_.uri() + entry.id + "/",
                                    "upload it to " + job_.uri() + entry.id + "/" + row.key +
                                        " or remove its row from the manifest"});
          continue;
        }
        f.in_job = false;
      }
      plan_.files.push_back(std::move(f));
    }
  }

  ObjectStore& store_;
  DatasetStore* records_;
  const RegistrySettings& settings_;
  const JobLocation& job_;
  const ValidateOptions& options_;
  DatasetPlan& plan_;
  std::string manifest_name_;
};

}  // namespace

bool JobPlan::ok() const {
  return problems.empty() &&
         std::all_of(datasets.begin(), datasets.end(), [](const auto& d) { return d.ok(); });
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
    plan.problems.push_back({std::string(kEntriesFile), "not found in " + job.uri(),
                             "upload entries.json (a JSON array of dataset entries) to the job folder"});
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

}  // namespace heliocloud::registry
