#include "registry/cli/upload.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <mutex>

#include "aws/errors.h"
#include "aws/s3.h"
#include "aws/s3_transfer.h"
#include "base/parallel_for.h"
#include "registry/cli/deployed.h"
#include "registry/cli/instance_settings.h"
#include "registry/cli/local_commands.h"
#include "registry/cli/progress_printer.h"
#include "registry/cli/usage_error.h"
#include "registry/job.h"

namespace heliocloud::registry::cli {

namespace {

namespace fs = std::filesystem;

struct LocalFile {
  fs::path path;
  std::string key;
  std::uint64_t size = 0;
  int stage = 0;  // 0 data, 1 manifest, 2 entries.json: uploaded stage by stage
};

std::vector<LocalFile> job_files(const fs::path& dir, const JobLocation& job) {
  std::vector<LocalFile> files;
  for (const auto& e :
       fs::recursive_directory_iterator(dir, fs::directory_options::follow_directory_symlink)) {
    if (!e.is_regular_file()) continue;
    const auto relative = e.path().lexically_relative(dir).generic_string();
    LocalFile f{.path = e.path(), .key = job.key(relative), .size = e.file_size(), .stage = 0};
    if (relative == kEntriesFile) {
      f.stage = 2;
    } else if (e.path().filename() == kManifestFile) {
      f.stage = 1;
    }
    files.push_back(std::move(f));
  }
  std::ranges::sort(files, [](const auto& a, const auto& b) {
    return a.stage != b.stage ? a.stage < b.stage : a.key < b.key;
  });
  return files;
}

// Where a job goes: the deployed Registry's ingest bucket (or the one given), and the dataset buckets its
// entries may name.
struct UploadTarget {
  aws::ClientConfig config;
  JobLocation job;
  std::vector<std::string> dataset_buckets;
};

UploadTarget upload_target(const std::string& instance, const std::string& job_arg,
                           const UploadOptions& options) {
  UploadTarget target;
  std::string bucket;
  if (options.ingest_bucket) {
    const auto file = load_instance(options.instance_dir, instance);
    target.config = aws::ClientConfig::from_environment();
    target.config.region = region_for(options.region, file);
    bucket = *options.ingest_bucket;
    target.dataset_buckets = file.registry.dataset_bucket_names;
  } else {
    DeployedOptions deployed;
    deployed.instance_dir = options.instance_dir;
    deployed.region = options.region;
    auto d = connect_instance(instance, deployed);
    target.config = d.config;
    bucket = d.stack.ingest_bucket;
    target.dataset_buckets = d.stack.dataset_buckets;
  }
  try {
    target.job = parse_job_location(bucket + "/" + job_arg);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("job: ") + e.what());
  }
  if (target.job.folder.empty())
    throw UsageError("job: name the job's folder in the ingest bucket, e.g. my_job_2024-01");
  return target;
}

void refuse_existing_job(const aws::S3Client& s3, const JobLocation& job) {
  try {
    (void)s3.head_object(job.bucket, job.key(kEntriesFile));
  } catch (const aws::NotFoundError&) {
    return;
  }
  throw UsageError(job.uri() + " already holds a job (" + std::string(kEntriesFile) +
                   "); choose another job name, or pass --overwrite to replace it");
}

// Uploads stage by stage (data, manifests, entries.json), each stage in parallel; a stage starts only when
// the one before it succeeded. Returns one line per file that failed.
std::vector<std::string> upload_in_stages(const aws::S3Transfer& transfer, const JobLocation& job,
                                          const std::vector<LocalFile>& files, std::size_t parallel,
                                          ProgressPrinter& progress) {
  std::mutex mutex;
  std::vector<std::string> failures;
  for (int stage = 0; stage <= 2 && failures.empty(); ++stage) {
    const auto begin = std::ranges::find_if(files, [&](const auto& f) { return f.stage == stage; });
    const auto end = std::find_if(begin, files.end(), [&](const auto& f) { return f.stage != stage; });
    const auto first = static_cast<std::size_t>(begin - files.begin());
    // Each upload records its own failure, so parallel_for has none to return.
    base::parallel_for(static_cast<std::size_t>(end - begin), {.concurrency = parallel}, [&](std::size_t i) {
      const auto& f = files[first + i];
      try {
        (void)transfer.upload_file(f.path, job.bucket, f.key);  // the client retries transient failures
        progress.file_copied("upload", f.size);
      } catch (const std::exception& e) {
        const std::scoped_lock lock(mutex);
        failures.push_back(f.path.string() + ": " + e.what());
      }
    });
  }
  std::ranges::sort(failures);
  return failures;
}

void print_failures(const std::vector<std::string>& failures) {
  std::cerr << failures.size()
            << " file(s) could not be uploaded (entries.json was not, so no ingest starts on a "
            << "partial job); run upload again with --overwrite:\n";
  for (std::size_t i = 0; i < failures.size() && i < 20; ++i) std::cerr << "  " << failures[i] << "\n";
}

}  // namespace

int upload_job(const std::string& dir_arg, const std::string& instance, const std::string& job_arg,
               const UploadOptions& options) {
  const fs::path dir = fs::absolute(dir_arg).lexically_normal();
  if (!fs::is_directory(dir)) throw UsageError(dir_arg + " is not a directory");
  auto target = upload_target(instance, job_arg, options);
  const JobLocation& job = target.job;

  // Nothing is uploaded from a job the ingest would refuse.
  std::cerr << "checking " << dir.string() << "\n";
  if (validate_job_folder(dir.string(), target.dataset_buckets) != kExitOk) {
    std::cerr << "nothing was uploaded; fix the problems above and run upload again\n";
    return kExitFailed;
  }

  target.config.max_concurrency = std::max(target.config.max_concurrency, options.parallel);
  const aws::S3Client s3(target.config);
  const aws::S3Transfer transfer(s3);
  if (!options.overwrite) refuse_existing_job(s3, job);

  const auto files = job_files(dir, job);
  std::uint64_t total = 0;
  for (const auto& f : files) total += f.size;
  ProgressPrinter progress(stderr);
  progress.dataset_started("upload", files.size(), total);
  const auto failures = upload_in_stages(transfer, job, files, options.parallel, progress);
  progress.finish("upload", failures.empty() ? "uploaded" : "FAILED");
  if (!failures.empty()) {
    print_failures(failures);
    return kExitFailed;
  }
  std::cout << "uploaded " << files.size() << " file(s), " << human_bytes(static_cast<double>(total))
            << " to " << job.uri() << "\nnext: heliocloud ingest " << instance << " " << job.folder << "\n";
  return kExitOk;
}

}  // namespace heliocloud::registry::cli
