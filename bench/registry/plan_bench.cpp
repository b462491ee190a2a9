// Ingest of a generated N-row job (default 1,000,000 rows: ten years, one file every ~5 minutes) through
// IngestService on a store that answers from memory: time to plan (validate every row), time to publish
// (copy, merge into the year index files, record, progress, delete; chunk after chunk) and peak RSS.
//   registry_plan_bench [--rows N] [--chunk K]    (K = 0, the default: the service's own choice,
//   chunk_size())
// The job's data files are not written anywhere: GeneratedJobStore answers for them from the row number in
// their key (listing, HEAD, copy, delete), so the benchmark measures rows, not bytes, and the store holds two
// flags per file instead of a million objects (which would count in the ingest's peak RSS). entries.json, the
// manifest, the index files and the SQLite dataset store are files in a temporary directory. The ingest runs
// in a child process (this binary again, --child) so that its peak RSS is its own.

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "child_process.h"
#include "registry/ingest_service.h"
#include "registry/local_object_store.h"
#include "registry/sqlite_dataset_store.h"

namespace {

using namespace heliocloud::registry;
namespace fs = std::filesystem;

constexpr const char* kUploads = "uploads";
constexpr const char* kPublic = "helio-public";
constexpr const char* kJob = "job1";
constexpr const char* kDataset = "BIG";

struct Options {
  std::size_t rows = 1'000'000;
  std::size_t chunk = 0;
};

// Row i of the job: its time, key and size. Rows are ten years long, in time order, so each chunk lands in
// one or two year files, as a mission's backlog would.
struct GeneratedRow {
  std::chrono::sys_seconds start;
  std::string key;  // relative to <job>/<id>/: data/YYYY/MM/DD/fNNNNNNN.cdf
  std::uint64_t size = 0;
};

constexpr auto kFirstDay = std::chrono::sys_days{std::chrono::year{2015} / 1 / 1};
constexpr std::int64_t kTenYears = 3653LL * 86400;

GeneratedRow generated_row(std::size_t i, std::size_t rows) {
  GeneratedRow r;
  r.start = kFirstDay +
            std::chrono::seconds(kTenYears * static_cast<std::int64_t>(i) / static_cast<std::int64_t>(rows));
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(r.start)};
  char key[64];
  std::snprintf(key, sizeof key, "data/%04d/%02u/%02u/f%07zu.cdf", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()), i);
  r.key = key;
  r.size = 1000 + (i % 1000);
  return r;
}

std::string iso(std::chrono::sys_seconds t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{t - day};
  char text[48];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long>(hms.seconds().count()));
  return text;
}

// The job's data files, answered from their row numbers; everything else is passed to a directory store.
class GeneratedJobStore final : public ObjectStore {
 public:
  GeneratedJobStore(ObjectStore& files, std::size_t rows)
      : files_(files),
        rows_(rows),
        prefix_(std::string(kJob) + "/" + kDataset + "/"),
        destination_(std::string(kDataset) + "/"),
        copied_(rows),
        deleted_(rows) {}

  bool bucket_exists(const std::string& b) override { return files_.bucket_exists(b); }
  std::vector<ObjectInfo> list(const std::string& b, const std::string& p) override {
    std::vector<ObjectInfo> out;
    list_pages(b, p, [&](std::vector<ObjectInfo>& page) { out.insert(out.end(), page.begin(), page.end()); });
    std::ranges::sort(out, [](const auto& a, const auto& c) { return a.key < c.key; });
    return out;
  }
  void list_pages(const std::string& b, const std::string& p,
                  const std::function<void(std::vector<ObjectInfo>& page)>& page) override {
    files_.list_pages(b, p, page);
    if (b != kUploads || !prefix_.starts_with(p)) return;
    std::vector<ObjectInfo> out;
    for (std::size_t i = 0; i < rows_; ++i) {
      if (deleted_[i].load() != 0U) continue;
      auto r = generated_row(i, rows_);
      out.push_back({.key = prefix_ + r.key, .size = r.size});
      if (out.size() == 1000) {
        page(out);
        out.clear();
      }
    }
    if (!out.empty()) page(out);
  }
  std::optional<ObjectInfo> head(const std::string& b, const std::string& k) override {
    if (const auto i = row_of(b, k)) {
      const bool there = b == kUploads ? deleted_[*i].load() == 0 : copied_[*i].load() != 0;
      if (!there) return std::nullopt;
      return ObjectInfo{.key = k, .size = generated_row(*i, rows_).size};
    }
    return files_.head(b, k);
  }
  std::optional<std::string> get(const std::string& b, const std::string& k) override {
    return files_.get(b, k);
  }
  std::optional<ObjectRange> get_range(const std::string& b, const std::string& k, std::uint64_t first,
                                       std::uint64_t length, const std::string& if_version) override {
    return files_.get_range(b, k, first, length, if_version);
  }
  void put(const std::string& b, const std::string& k, std::string_view body,
           const std::string& content_type) override {
    files_.put(b, k, body, content_type);
  }
  void copy(const std::string& sb, const std::string& sk, const std::string& db,
            const std::string& dk) override {
    const auto i = row_of(sb, sk);
    if (!i) {
      files_.copy(sb, sk, db, dk);
      return;
    }
    if (deleted_[*i].load() != 0U) throw StoreError("copy source s3://" + sb + "/" + sk + " does not exist");
    if (row_of(db, dk) != i) throw StoreError("unexpected copy destination s3://" + db + "/" + dk);
    copied_[*i] = 1;
  }
  void remove(const std::string& b, const std::string& k) override {
    if (const auto i = row_of(b, k)) {
      (b == kUploads ? deleted_ : copied_)[*i] = 1;
      return;
    }
    files_.remove(b, k);
  }

  [[nodiscard]] std::size_t copied() const { return count(copied_); }
  [[nodiscard]] std::size_t deleted() const { return count(deleted_); }

 private:
  // The row a data file's key names (in the job, or where it is published), checked against the row's key.
  [[nodiscard]] std::optional<std::size_t> row_of(const std::string& bucket, const std::string& key) const {
    const auto& prefix = bucket == kUploads ? prefix_ : destination_;
    if ((bucket != kUploads && bucket != kPublic) || !key.starts_with(prefix + "data/")) return std::nullopt;
    const auto f = key.rfind("/f");
    std::size_t i = 0;
    if (f == std::string::npos ||
        std::from_chars(key.data() + f + 2, key.data() + key.size(), i).ec != std::errc() || i >= rows_ ||
        key != prefix + generated_row(i, rows_).key) {
      return std::nullopt;
    }
    return i;
  }
  static std::size_t count(const std::vector<std::atomic_uint8_t>& flags) {
    std::size_t n = 0;
    for (const auto& f : flags) n += f.load();
    return n;
  }

  ObjectStore& files_;
  std::size_t rows_;
  std::string prefix_;       // <job>/<id>/ in the ingest bucket
  std::string destination_;  // <id>/ in the dataset bucket
  std::vector<std::atomic_uint8_t> copied_;
  std::vector<std::atomic_uint8_t> deleted_;
};

// <dir>/buckets/{uploads,helio-public}: entries.json and the manifest of an N-row job (no data files).
void write_job(const fs::path& dir, std::size_t rows) {
  const auto job = dir / "buckets" / kUploads / kJob;
  fs::create_directories(job / kDataset);
  fs::create_directories(dir / "buckets" / kPublic);
  std::FILE* entries = std::fopen((job / "entries.json").c_str(), "w");
  std::fprintf(entries, R"([{"id": "%s", "index": "s3://%s/%s/", "title": "Ten years, %zu files"}])",
               kDataset, kPublic, kDataset, rows);
  std::fclose(entries);
  std::FILE* manifest = std::fopen((job / kDataset / "manifest.csv").c_str(), "w");
  if (manifest == nullptr) throw std::runtime_error("cannot write the manifest in " + dir.string());
  std::fputs("# start, stop, datakey, filesize\n", manifest);
  for (std::size_t i = 0; i < rows; ++i) {
    const auto r = generated_row(i, rows);
    std::fprintf(manifest, "%s,%s,%s,%llu\n", iso(r.start).c_str(),
                 iso(r.start + std::chrono::seconds(59)).c_str(), r.key.c_str(),
                 static_cast<unsigned long long>(r.size));
  }
  std::fclose(manifest);
}

// Notes when publishing starts (the plan is made) and the peak RSS by then.
class PhaseClock final : public ProgressSink {
 public:
  void dataset_started(const std::string& /*id*/, std::size_t /*files*/, std::uint64_t /*bytes*/) override {
    planned = std::chrono::steady_clock::now();
    rss_after_plan_kb = heliocloud::bench::own_peak_rss_kb();
  }
  void file_copied(const std::string& /*id*/, std::uint64_t /*bytes*/) override {}
  void dataset_finished(const DatasetResult& /*result*/) override {}

  std::chrono::steady_clock::time_point planned;
  long rss_after_plan_kb = 0;
};

// --child <dir> <rows> <chunk>: one ingest of the job; "<plan s> <publish s> <peak RSS after plan kB> <peak
// RSS kB>" on stdout.
int child(const fs::path& dir, std::size_t rows, std::size_t chunk) {
  LocalObjectStore files(dir / "buckets");
  GeneratedJobStore objects(files, rows);
  SqliteDatasetStore records(dir / "registry.sqlite3");
  RegistrySettings settings;
  settings.dataset_buckets = {kPublic};
  settings.ingest_bucket = kUploads;
  PhaseClock clock;
  IngestOptions options;
  options.chunk_files = chunk;
  options.progress = &clock;
  IngestService service(objects, records, settings, options);
  const auto t0 = std::chrono::steady_clock::now();
  const auto result = service.ingest(JobLocation{.bucket = kUploads, .folder = kJob, .label = ""});
  const auto t1 = std::chrono::steady_clock::now();
  if (!result.ok() || result.files_done != rows || objects.copied() != rows || objects.deleted() != rows) {
    std::fprintf(stderr, "ingest incomplete (%zu copied, %zu deleted): %s\n", objects.copied(),
                 objects.deleted(), result.to_json().dump(2).c_str());
    return 1;
  }
  const auto secs = [](auto d) { return std::chrono::duration<double>(d).count(); };
  std::printf("%.3f %.3f %ld %ld\n", secs(clock.planned - t0), secs(t1 - clock.planned),
              clock.rss_after_plan_kb, heliocloud::bench::own_peak_rss_kb());
  return 0;
}

struct Run {
  double plan_seconds = 0;
  double publish_seconds = 0;
  double cpu_seconds = 0;
  long rss_after_plan_kb = 0;
  long peak_rss_kb = 0;
};

Run run_child(const char* self, const fs::path& dir, const Options& o) {
  const auto child = heliocloud::bench::run_self(
      self, {"--child", dir.string(), std::to_string(o.rows), std::to_string(o.chunk)}, "the ingest");
  Run r;
  // NOLINTNEXTLINE(bugprone-unchecked-string-to-number-conversion): the count is checked
  if (std::sscanf(child.output.c_str(), "%lf %lf %ld %ld", &r.plan_seconds, &r.publish_seconds,
                  &r.rss_after_plan_kb, &r.peak_rss_kb) != 4)
    throw std::runtime_error("child said: " + child.output);
  r.cpu_seconds = child.cpu_seconds;
  return r;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const auto value = std::stoul(argv[i + 1]);
    if (flag == "--rows")
      o.rows = value;
    else if (flag == "--chunk")
      o.chunk = value;
    else
      throw std::invalid_argument("unknown option " + flag + " (--rows N, --chunk K)");
  }
  if (o.rows == 0) throw std::invalid_argument("--rows must be at least 1");
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc == 5 && std::string(argv[1]) == "--child")
      return child(argv[2], std::stoul(argv[3]), std::stoul(argv[4]));
    const auto o = parse(argc, argv);
    std::random_device rd;
    const auto dir = fs::temp_directory_path() / ("hc-plan-bench-" + std::to_string(rd()));
    struct Cleanup {
      fs::path dir;
      ~Cleanup() {
        std::error_code ec;
        fs::remove_all(dir, ec);
      }
    } cleanup{dir};
    std::fprintf(stderr, "writing a %zu-row job to %s (not timed)...\n", o.rows, dir.c_str());
    write_job(dir, o.rows);
    const auto manifest_mb =
        static_cast<double>(fs::file_size(dir / "buckets" / kUploads / kJob / kDataset / "manifest.csv")) /
        1e6;
    const auto r = run_child(argv[0], dir, o);
    std::printf(
        "ingest of a %zu-row job (%.1f MB manifest, chunks of %zu), data files answered from memory\n"
        "plan (validate every row) %.2f s | publish (copy, merge, record, progress, delete) %.2f s | CPU "
        "%.2f s "
        "| peak RSS after plan %.1f MB, overall %.1f MB\n",
        o.rows, manifest_mb, chunk_size(o.rows, o.chunk), r.plan_seconds, r.publish_seconds, r.cpu_seconds,
        static_cast<double>(r.rss_after_plan_kb) / 1024.0, static_cast<double>(r.peak_rss_kb) / 1024.0);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "registry_plan_bench: %s\n", e.what());
    return 1;
  }
}
