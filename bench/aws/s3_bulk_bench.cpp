// Bulk PutObject / CopyObject throughput of the client against an S3 endpoint (moto in bench/aws/run.sh).
// Prints one line of figures; run.sh puts them next to the awscli doing the same work.
//   aws_s3_bulk_bench --endpoint URL --bucket B --op put --dir D --prefix P --count N --concurrency C
//   aws_s3_bulk_bench --endpoint URL --bucket B --op copy --src-prefix S --prefix P --count N --concurrency C
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "aws/s3.h"
#include "aws/s3_transfer.h"

namespace aws = heliocloud::aws;

namespace {

std::string object_name(std::size_t i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "obj-%05zu.bin", i);
  return buf;
}

long peak_rss_kb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> args;
  for (int i = 1; i + 1 < argc; i += 2) args[argv[i]] = argv[i + 1];
  auto arg = [&](const std::string& k, const std::string& d = {}) {
    const auto it = args.find(k);
    return it == args.end() ? d : it->second;
  };
  if (arg("--endpoint").empty() || arg("--bucket").empty() || arg("--op").empty()) {
    std::fprintf(stderr,
                 "usage: %s --endpoint URL --bucket B --op put|copy [--dir D] [--prefix P] "
                 "[--src-prefix S] [--count N] [--concurrency C]\n",
                 argv[0]);
    return 2;
  }
  const std::size_t count = std::stoul(arg("--count", "1000"));
  const std::size_t concurrency = std::stoul(arg("--concurrency", "10"));
  const std::string bucket = arg("--bucket");
  const std::string prefix = arg("--prefix", "bench/");

  aws::ClientConfig cfg = aws::ClientConfig::from_environment();
  cfg.endpoint_url = arg("--endpoint");
  cfg.max_concurrency = std::max<std::size_t>(concurrency, 1);
  const aws::S3Client s3(cfg);
  const aws::S3Transfer transfer(s3);

  std::vector<heliocloud::base::TaskFailure> failures;
  const auto start = std::chrono::steady_clock::now();
  if (arg("--op") == "put") {
    const std::filesystem::path dir = arg("--dir");
    std::vector<aws::BulkPut> items(count);
    for (std::size_t i = 0; i < count; ++i) {
      items[i].key = prefix + object_name(i);
      items[i].file = dir / object_name(i);
    }
    failures = transfer.put_objects(bucket, items, concurrency);
  } else if (arg("--op") == "copy") {
    const std::string src = arg("--src-prefix", "src/");
    std::vector<aws::BulkCopy> items(count);
    for (std::size_t i = 0; i < count; ++i) {
      items[i] = {.src_bucket = bucket,
                  .src_key = src + object_name(i),
                  .dst_bucket = bucket,
                  .dst_key = prefix + object_name(i),
                  .options = {}};
    }
    failures = transfer.copy_objects(items, concurrency);
  } else {
    std::fprintf(stderr, "unknown --op %s\n", arg("--op").c_str());
    return 2;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const auto& f : failures) {
    try {
      std::rethrow_exception(f.error);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "object %zu: %s\n", f.index, e.what());
    }
  }
  std::printf(
      "op=%s objects=%zu concurrency=%zu seconds=%.3f objects_per_s=%.1f peak_rss_kb=%ld failures=%zu\n",
      arg("--op").c_str(), count, concurrency, seconds, static_cast<double>(count) / seconds, peak_rss_kb(),
      failures.size());
  return failures.empty() ? 0 : 1;
}
