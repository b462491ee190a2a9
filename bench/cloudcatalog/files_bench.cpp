// `heliocloud files` over a generated dataset (default 1,000,000 rows in 10 year files, an index as the
// registry writes it) in a local directory and in moto: rows/s and the peak RSS of the listing process, for
// the whole coverage and for one year, so that memory can be seen not to follow the row count.
//   cloudcatalog_files_bench [--rows N] [--years Y] [--port P (default 5564)]
// moto runs through tests/support/moto.sh. The emulator case runs the real `heliocloud files` binary against
// it; a local directory is no CloudCatalog endpoint the CLI takes, so that case runs the same code (reader
// and writer) in this binary started again (--child), with the registry's directory store. Each listing is a
// process of its own, its output to /dev/null, its peak RSS from wait4().
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "aws/client_config.h"
#include "aws/s3.h"
#include "cloudcatalog/catalog_reader.h"
#include "cloudcatalog/listing_writer.h"
#include "moto_server.h"
#include "registry/local_object_store.h"

namespace {

using namespace heliocloud;
namespace fs = std::filesystem;

constexpr const char* kBucket = "bench-catalog";
constexpr const char* kDataset = "bench_ds";
constexpr int kFirstYear = 2011;

struct Options {
  std::size_t rows = 1'000'000;
  int years = 10;
  int port = 5564;  // the benchmarks use 5500-5599, apart from the tests' moto
};

std::string year_file_name(int year) {
  return std::string(kDataset) + "_" + std::to_string(year) + ".csv";
}

// Rows evenly over each year (one every ~5 minutes at 1,000,000 rows in 10 years), as the registry writes
// them: sorted, one precision, absolute datakeys.
std::string year_file(int year, std::size_t rows) {
  const auto begin = std::chrono::sys_days(std::chrono::year(year) / 1 / 1);
  const auto end = std::chrono::sys_days(std::chrono::year(year + 1) / 1 / 1);
  const auto step = std::chrono::duration_cast<std::chrono::seconds>(end - begin) / static_cast<long>(rows);
  std::string text = "# start, stop, datakey, filesize, checksum\n";
  text.reserve(rows * 130);
  for (std::size_t i = 0; i < rows; ++i) {
    const registry::Instant start{.seconds = begin + step * static_cast<long>(i), .nanos = 0};
    const registry::Instant stop{.seconds = start.seconds + step - std::chrono::seconds(1), .nanos = 0};
    char row[200];
    std::snprintf(row, sizeof row, "%s,%s,s3://%s/data/%d/f_%07zu.cdf,%zu,%08zx\n",
                  registry::format_time(start, 0).c_str(), registry::format_time(stop, 0).c_str(), kBucket,
                  year, i, 100'000 + (i % 5000), i * 2654435761U % 0xffffffffU);
    text += row;
  }
  return text;
}

std::string catalog_json(int years) {
  return std::string(R"({"version": "1.1", "status": {"code": 1200, "message": "OK"}, "catalog": [)") +
         R"({"id": ")" + kDataset + R"(", "index": "s3://)" + kBucket + R"(/index/", "title": "Bench", )" +
         R"("start": ")" + std::to_string(kFirstYear) + R"(-01-01T00:00:00Z", "stop": ")" +
         std::to_string(kFirstYear + years - 1) +
         R"(-12-31T23:59:59Z", "indextype": "csv", "filetype": "cdf"}]})";
}

// Counts the rows and drops them: the reading and parsing alone.
class RowCounter final : public cloudcatalog::FileVisitor {
 public:
  void index_file(const std::string& /*uri*/, const std::vector<std::string>& /*extra_columns*/) override {}
  void rows(std::vector<registry::IndexRow>& rows) override { count += rows.size(); }
  void out_of_order(const std::string& /*uri*/, std::size_t /*rows*/) override {}
  std::size_t count = 0;
};

// --child DIR FORMAT START STOP: what `heliocloud files` does, on <DIR>/<bucket>; FORMAT --parse-only: no
// output.
int child(const fs::path& root, const std::string& format, const std::string& start,
          const std::string& stop) {
  registry::LocalObjectStore store(root);
  cloudcatalog::StoreFetcher fetcher(store);
  const cloudcatalog::CatalogReader reader(fetcher,
                                           cloudcatalog::parse_endpoint(std::string("s3://") + kBucket));
  if (format == "--parse-only") {
    RowCounter counter;
    reader.stream(kDataset, registry::parse_time(start), registry::parse_time(stop), counter);
    std::printf("%zu\n", counter.count);
    return 0;
  }
  cloudcatalog::ListingWriter writer(std::cout, format == "--json"  ? cloudcatalog::ListingFormat::Json
                                                : format == "--csv" ? cloudcatalog::ListingFormat::Csv
                                                                    : cloudcatalog::ListingFormat::Table);
  reader.stream(kDataset, registry::parse_time(start), registry::parse_time(stop), writer);
  writer.finish();
  return 0;
}

struct Run {
  double seconds = 0;
  double cpu_seconds = 0;
  long peak_rss_kb = 0;
};

// Runs argv with stdout to /dev/null; its wall time, CPU time and peak RSS.
Run measure(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.reserve(args.size());
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  const auto t0 = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error("cannot start " + args[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  Run r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error(args[0] + " failed");
  const auto secs = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + (static_cast<double>(t.tv_usec) / 1e6);
  };
  r.cpu_seconds = secs(usage.ru_utime) + secs(usage.ru_stime);
  r.peak_rss_kb = usage.ru_maxrss;
  return r;
}

void report(const std::string& name, std::size_t rows, const Run& r) {
  std::printf("%-46s %9zu %8.2f %8.2f %11.0f %9.1f\n", name.c_str(), rows, r.seconds, r.cpu_seconds,
              static_cast<double>(rows) / r.seconds, static_cast<double>(r.peak_rss_kb) / 1024.0);
  std::fflush(stdout);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const auto value = std::stoul(argv[i + 1]);
    if (flag == "--rows")
      o.rows = value;
    else if (flag == "--years")
      o.years = static_cast<int>(value);
    else if (flag == "--port")
      o.port = static_cast<int>(value);
    else
      throw std::invalid_argument("unknown option " + flag + " (--rows N, --years Y, --port P)");
  }
  if (o.years < 1 || std::cmp_less(o.rows, o.years))
    throw std::invalid_argument("--rows must be >= --years >= 1");
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc == 6 && std::string(argv[1]) == "--child") return child(argv[2], argv[3], argv[4], argv[5]);
    const auto o = parse(argc, argv);
    const fs::path root = fs::temp_directory_path() / ("hc-files-bench-" + std::to_string(getpid()));
    const fs::path index = root / kBucket / "index";
    fs::create_directories(index);
    struct Cleanup {
      fs::path path;
      ~Cleanup() {
        std::error_code ec;
        fs::remove_all(path, ec);
      }
    } cleanup{root};

    const bench::MotoServer moto("hc-files-bench", o.port);
    const std::string endpoint = "http://127.0.0.1:" + std::to_string(o.port);
    setenv("AWS_ENDPOINT_URL", endpoint.c_str(), 1);
    setenv("AWS_ACCESS_KEY_ID", "bench", 1);
    setenv("AWS_SECRET_ACCESS_KEY", "bench", 1);
    setenv("AWS_REGION", "us-east-1", 1);
    setenv("AWS_EC2_METADATA_DISABLED", "true", 1);
    setenv("AWS_CONFIG_FILE", "/dev/null", 1);
    setenv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null", 1);
    const aws::S3Client s3(aws::ClientConfig::from_environment());
    s3.create_bucket(kBucket);

    std::fprintf(stderr, "writing %zu rows in %d year files to %s and to moto on port %d (not timed)...\n",
                 o.rows, o.years, root.c_str(), o.port);
    const std::string catalog = catalog_json(o.years);
    std::ofstream(root / kBucket / "catalog.json") << catalog;
    s3.put_object(kBucket, "catalog.json", catalog);
    for (int y = 0; y < o.years; ++y) {
      const int year = kFirstYear + y;
      const std::size_t rows =
          (o.rows / static_cast<std::size_t>(o.years)) +
          (static_cast<std::size_t>(y) < o.rows % static_cast<std::size_t>(o.years) ? 1 : 0);
      const std::string text = year_file(year, rows);
      std::ofstream(index / year_file_name(year), std::ios::binary) << text;
      s3.put_object(kBucket, std::string("index/") + year_file_name(year), text);
    }
    const std::size_t per_year = o.rows / static_cast<std::size_t>(o.years);
    const std::string all_start = std::to_string(kFirstYear) + "-01-01";
    const std::string all_stop = std::to_string(kFirstYear + o.years) + "-01-01";
    const std::string year_start = std::to_string(kFirstYear + (o.years / 2)) + "-01-01";
    const std::string year_stop = std::to_string(kFirstYear + (o.years / 2) + 1) + "-01-01";

    std::printf("heliocloud files over %zu rows in %d year files (output to /dev/null)\n", o.rows, o.years);
    std::printf("%-46s %9s %8s %8s %11s %9s\n", "case", "rows", "seconds", "CPU s", "rows/s", "RSS MB");
    const std::string self = fs::canonical("/proc/self/exe");
    report("local dir, whole coverage, parse only (no output)", o.rows,
           measure({self, "--child", root.string(), "--parse-only", all_start, all_stop}));
    for (const char* format : {"--csv", "--table", "--json"})
      report(std::string("local dir, whole coverage, ") + format, o.rows,
             measure({self, "--child", root.string(), format, all_start, all_stop}));
    report("local dir, one year, --csv", per_year,
           measure({self, "--child", root.string(), "--csv", year_start, year_stop}));
    const std::string catalog_uri = std::string("s3://") + kBucket + "/";
    for (const char* format : {"--csv", "--json"})
      report(std::string("moto, heliocloud files, whole coverage, ") + format, o.rows,
             measure({HELIOCLOUD_CLI, "files", catalog_uri, kDataset, "--sign", format, "--start", all_start,
                      "--stop", all_stop}));
    report("moto, heliocloud files, one year, --csv", per_year,
           measure({HELIOCLOUD_CLI, "files", catalog_uri, kDataset, "--sign", "--csv", "--start", year_start,
                    "--stop", year_stop}));
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cloudcatalog_files_bench: %s\n", e.what());
    return 1;
  }
}
