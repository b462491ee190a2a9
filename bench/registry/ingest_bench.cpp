// Ingest of a generated N-file job (default 10,000) against a moto this benchmark starts itself: files/s,
// client CPU per file and peak RSS of the chunked IngestService at several chunk sizes, side by side in the
// same run with a plain parallel CopyObject loop (the ceiling: copies only, no index, no record) and a
// one-copy-at-a-time loop (the original's approach). Every variant publishes the same kind of job into its
// own dataset.
//   registry_ingest_bench [--files N] [--port P (5500-5599)] [--parallel K] [--serial 0|1] [--chunks
//   250,auto] [--keep-alive 0|1] [--rounds R]
// --chunks lists the chunk sizes measured (auto: the service's own choice, 1% of the rows within its bounds).
// --keep-alive 1 (the default) has moto keep a connection open after a request without a body, as AWS does;
// with 0 it closes every connection (werkzeug's way), and each request also pays a TCP connect and close.
// --rounds R measures every variant R times, in the opposite order each round: moto's speed drifts with what
// it holds, so one run of each, always in the same order, compares the variants at different moto speeds
// (measured: the copy loop alone ranged 184-277 files/s over three runs).
// Each ingest runs in a child process (this binary again, --child) so that its peak RSS is its own; the
// parent prepares the buckets and uploads a round's jobs just before the round, which is not timed.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "aws/client_config.h"
#include "aws/dynamodb.h"
#include "aws/s3.h"
#include "aws/s3_transfer.h"
#include "base/parallel_for.h"
#include "child_process.h"
#include "moto_server.h"
#include "registry/aws/dynamodb_dataset_store.h"
#include "registry/aws/s3_object_store.h"
#include "registry/ingest_service.h"

namespace {

using namespace heliocloud;

constexpr const char* kUploads = "bench-uploads";
constexpr const char* kPublic = "bench-public";
constexpr const char* kTable = "bench-datasets";

struct Options {
  std::size_t files = 10000;
  int port = 5561;
  std::size_t parallel = 16;
  bool serial = true;
  std::vector<std::string> chunks = {"250", "1000", "4000"};  // kMinChunkFiles among them
  bool keep_alive = true;
  std::size_t rounds = 1;
};

constexpr const char* kCopyLoop = "copy";  // in place of a chunk size: the plain CopyObject loop

void point_at_moto(int port) {
  const std::string endpoint = "http://127.0.0.1:" + std::to_string(port);
  for (const auto& [k, v] :
       std::vector<std::pair<const char*, std::string>>{{"AWS_ENDPOINT_URL", endpoint},
                                                        {"AWS_ACCESS_KEY_ID", "bench"},
                                                        {"AWS_SECRET_ACCESS_KEY", "bench"},
                                                        {"AWS_REGION", "us-east-1"},
                                                        {"AWS_EC2_METADATA_DISABLED", "true"},
                                                        {"AWS_CONFIG_FILE", "/dev/null"},
                                                        {"AWS_SHARED_CREDENTIALS_FILE", "/dev/null"}}) {
    setenv(k, v.c_str(), 1);
  }
}

// A job of `files` files of 1-2 kB spread over two years, uploaded in parallel: entries.json, the manifest,
// data.
void upload_job(const aws::S3Client& s3, const std::string& job, const std::string& id, std::size_t files) {
  std::string manifest = "#start, stop, datakey, filesize\n";
  std::vector<std::string> bodies;
  std::vector<aws::BulkPut> puts;
  bodies.reserve(files);
  for (std::size_t i = 0; i < files; ++i) {
    const std::size_t minute = i * 97;  // ~two years of files, one every 97 minutes
    const std::size_t day = minute / 1440;
    char row[160];
    std::snprintf(
        row, sizeof row,
        "%04zu-%02zu-%02zuT%02zu:%02zu:00Z,%04zu-%02zu-%02zuT%02zu:%02zu:59Z,d%03zu/f%06zu.cdf,%zu\n",
        2019 + (day / 336), 1 + (day / 28 % 12), 1 + (day % 28), minute / 60 % 24, minute % 60,
        2019 + (day / 336), 1 + (day / 28 % 12), 1 + (day % 28), minute / 60 % 24, minute % 60, day, i,
        1000 + (i % 1000));
    manifest += row;
    bodies.emplace_back(1000 + (i % 1000), 'x');
  }
  for (std::size_t i = 0; i < files; ++i) {
    char key[96];
    std::snprintf(key, sizeof key, "%s/%s/d%03zu/f%06zu.cdf", job.c_str(), id.c_str(), i * 97 / 1440, i);
    puts.push_back({.key = key, .body = bodies[i], .file = {}, .options = {}});
  }
  const aws::S3Transfer transfer(s3);
  const auto failures = transfer.put_objects(kUploads, puts, 32);
  if (!failures.empty()) std::rethrow_exception(failures.front().error);
  s3.put_object(kUploads, job + "/" + id + "/manifest.csv", manifest);
  s3.put_object(kUploads, job + "/entries.json",
                R"([{"id": ")" + id + R"(", "index": "s3://)" + std::string(kPublic) + "/" + id +
                    R"(/", "title": "Bench"}])");
}

// Copies every file of the job's dataset folder, `parallel` at a time, and nothing else.
std::size_t copy_loop(const aws::S3Client& s3, const std::string& job, std::size_t parallel) {
  const auto objects = s3.list_all_objects(kUploads, job + "/");
  base::parallel_for(objects.size(), {.concurrency = parallel}, [&](std::size_t i) {
    (void)s3.copy_object(kUploads, objects[i].key, kPublic, "copy/" + objects[i].key);
  });
  return objects.size();
}

// --child <job> <parallel> <chunk>: one ingest (chunk: a size, auto, or copy); "<seconds> <files> <peak RSS
// kB>" on stdout.
int child(const std::string& job, std::size_t parallel, const std::string& chunk) {
  const auto config = aws::ClientConfig::from_environment();
  const aws::S3Client s3(config);
  const aws::DynamoDbClient dynamo(config);
  const auto t0 = std::chrono::steady_clock::now();
  const auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  if (chunk == kCopyLoop) {
    const auto files = copy_loop(s3, job, parallel);
    std::printf("%.3f %zu %ld\n", seconds(), files, bench::own_peak_rss_kb());
    return 0;
  }
  registry::S3ObjectStore objects(s3);
  registry::DynamoDbDatasetStore records(dynamo, kTable);
  registry::RegistrySettings settings;
  settings.dataset_buckets = {kPublic};
  settings.ingest_bucket = kUploads;
  registry::IngestOptions options;
  options.parallel_copies = parallel;
  options.chunk_files = chunk == "auto" ? 0 : std::stoul(chunk);
  registry::IngestService service(objects, records, settings, options);
  const auto result = service.ingest(registry::JobLocation{.bucket = kUploads, .folder = job, .label = ""});
  const double took = seconds();
  if (!result.ok()) {
    std::fprintf(stderr, "%s\n", result.to_json().dump(2).c_str());
    return 1;
  }
  std::printf("%.3f %zu %ld\n", took, result.datasets.at(0).files_added, bench::own_peak_rss_kb());
  return 0;
}

struct Run {
  double seconds = 0;
  double cpu_seconds = 0;  // user + system of the ingesting process
  std::size_t files = 0;
  long peak_rss_kb = 0;
};

Run run_child(const char* self, const std::string& job, std::size_t parallel, const std::string& chunk) {
  const auto child =
      bench::run_self(self, {"--child", job, std::to_string(parallel), chunk}, "the ingest of " + job);
  Run r;
  // NOLINTNEXTLINE(bugprone-unchecked-string-to-number-conversion): the count is checked
  if (std::sscanf(child.output.c_str(), "%lf %zu %ld", &r.seconds, &r.files, &r.peak_rss_kb) != 3)
    throw std::runtime_error("child said: " + child.output);
  r.cpu_seconds = child.cpu_seconds;
  return r;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--chunks") {
      o.chunks.clear();
      const std::string list = argv[i + 1];
      for (std::size_t start = 0; start <= list.size();) {
        const auto comma = std::min(list.find(',', start), list.size());
        const auto item = list.substr(start, comma - start);
        if (item != "auto" && (item.empty() || item.find_first_not_of("0123456789") != std::string::npos ||
                               std::stoul(item) == 0))
          throw std::invalid_argument("--chunks: '" + item + "' is neither a chunk size nor auto");
        o.chunks.push_back(item);
        start = comma + 1;
      }
      continue;
    }
    const auto value = std::stoul(argv[i + 1]);
    if (flag == "--files")
      o.files = value;
    else if (flag == "--port")
      o.port = static_cast<int>(value);
    else if (flag == "--parallel")
      o.parallel = value;
    else if (flag == "--serial")
      o.serial = value != 0;
    else if (flag == "--keep-alive")
      o.keep_alive = value != 0;
    else if (flag == "--rounds" && value > 0)
      o.rounds = value;
    else
      throw std::invalid_argument("unknown option " + flag +
                                  " (--files N, --port P, --parallel K, --serial 0|1, --chunks 250,auto, "
                                  "--keep-alive 0|1, --rounds R > 0)");
  }
  if (o.port < 5500 || o.port > 5599)
    throw std::invalid_argument("--port must be in 5500-5599 (the benchmarks' range)");
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc == 5 && std::string(argv[1]) == "--child") return child(argv[2], std::stoul(argv[3]), argv[4]);
    const auto o = parse(argc, argv);
    setenv("HC_MOTO_KEEP_ALIVE", o.keep_alive ? "1" : "0", 1);  // read by the launcher (moto_launcher.py)
    const bench::MotoServer moto("hc-ingest-bench", o.port);
    point_at_moto(o.port);
    auto config = aws::ClientConfig::from_environment();
    config.max_concurrency = 32;
    const aws::S3Client s3(config);
    s3.create_bucket(kUploads);
    s3.create_bucket(kPublic);
    aws::DynamoDbClient(config).create_table(kTable, {.name = "id", .type = "S"});
    struct Variant {
      std::string job;
      std::string chunk;
      std::size_t round;
    };
    std::vector<Variant> variants;
    variants.reserve(o.rounds * (o.chunks.size() + 1));
    for (std::size_t round = 1; round <= o.rounds; ++round) {
      std::vector<Variant> once;
      once.reserve(o.chunks.size() + 1);
      for (const auto& chunk : o.chunks)
        once.push_back({.job = "job-chunk-" + chunk, .chunk = chunk, .round = round});
      once.push_back({.job = "job-copy-loop", .chunk = kCopyLoop, .round = round});
      if (round % 2 == 0) std::ranges::reverse(once);
      for (auto& v : once) {
        if (o.rounds > 1) v.job += "-round" + std::to_string(round);
        variants.push_back(std::move(v));
      }
    }
    // A round's jobs are uploaded just before the round, so that moto holds no more than it must.
    const auto upload_round = [&](std::size_t round) {
      std::fprintf(stderr,
                   "uploading the jobs of round %zu (%zu files each) to moto on port %d (not timed)...\n",
                   round, o.files, o.port);
      for (const auto& v : variants) {
        if (v.round == round) upload_job(s3, v.job, "B" + v.chunk + std::to_string(v.round), o.files);
      }
      if (o.serial && round == o.rounds) upload_job(s3, "job-serial", "BSERIAL", o.files);
    };

    std::printf("ingest of a %zu-file job against moto (127.0.0.1:%d, %s), same run, same job shape\n",
                o.files, o.port,
                o.keep_alive ? "connections kept open" : "every connection closed after one request");
    std::printf("%-52s %9s %9s %12s %12s\n", "variant", "seconds", "files/s", "CPU ms/file", "peak RSS MB");
    const auto report = [](const std::string& name, const Run& r) {
      std::printf("%-52s %9.2f %9.0f %12.3f %12.1f\n", name.c_str(), r.seconds,
                  static_cast<double>(r.files) / r.seconds,
                  1000.0 * r.cpu_seconds / static_cast<double>(r.files),
                  static_cast<double>(r.peak_rss_kb) / 1024.0);
      std::fflush(stdout);
    };
    const auto k = std::to_string(o.parallel);
    std::size_t uploaded = 0;  // rounds
    for (const auto& v : variants) {
      if (v.round > uploaded) {
        uploaded = v.round;
        upload_round(uploaded);
      }
      const auto r = run_child(argv[0], v.job, o.parallel, v.chunk);
      const auto round = o.rounds > 1 ? " (round " + std::to_string(v.round) + ")" : "";
      report((v.chunk == kCopyLoop ? "plain CopyObject loop, " + k + " in flight"
                                   : "IngestService, chunks of " + v.chunk + ", " + k + " in flight") +
                 round,
             r);
    }
    if (o.serial)
      report("original's way: one copy at a time", run_child(argv[0], "job-serial", 1, "1000000"));
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "registry_ingest_bench: %s\n", e.what());
    return 1;
  }
}
