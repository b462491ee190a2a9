// kill -9 at random points of `heliocloud ingest --local` on a directory of buckets (issue 15): at every kill
// point, every index row names a file that is there; after a rerun the published state is byte for byte a
// clean run's (data files, index files, dataset records but their modification time), the job folder is gone
// and no temporary file is left anywhere.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>

#ifdef HELIOCLOUD_KILL_TEST_MOTO
#include "aws/s3.h"
#include "aws/s3_transfer.h"
#include "moto_support.h"
#endif
#include "registry/index_file.h"
#include "registry/sqlite_dataset_store.h"

namespace heliocloud::registry {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kKills = 20;
constexpr std::size_t kChunk = 16;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const fs::path& p, const std::string& body) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << body;
}

// A job of `files` files in two datasets (MMS over three years with millisecond times in its second half, so
// that a later chunk rewrites every year file in a finer precision; ABC with an extra column), files of
// random bytes.
void make_job(const fs::path& uploads, std::size_t files) {
  std::mt19937 rng(15);
  const auto data = [&](std::size_t n) {
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>('a' + (rng() % 26));
    return s;
  };
  write(uploads / "job1/entries.json",
        R"([{"id": "MMS", "index": "s3://helio-public/MMS/", "title": "MMS"},)"
        R"( {"id": "ABC", "index": "s3://helio-public/ABC/", "title": "ABC"}])");
  std::string mms = "start, stop, key, filesize\n";
  const auto mms_files = static_cast<int>(files * 7 / 10);
  for (int i = 0; i < mms_files; ++i) {
    const auto size = 10 + static_cast<std::size_t>(i % 7);
    char start[64];
    std::snprintf(start, sizeof start, "%d-0%d-%02dT%02d:00:00%sZ", 2014 + (i % 3), 1 + (i % 9), 1 + (i % 28),
                  i % 24, i >= mms_files / 2 ? ".125" : "");
    const auto key = "d" + std::to_string(i % 5) + "/f" + std::to_string(i) + ".cdf";
    mms += std::string(start) + "," + start + "," + key + "," + std::to_string(size) + "\n";
    write(uploads / "job1/MMS" / key, data(size));
  }
  write(uploads / "job1/MMS/manifest.csv", mms);
  std::string abc = "start, stop, key, filesize, quality\n";
  for (int i = 0; i < static_cast<int>(files) - mms_files; ++i) {
    const auto key = "x" + std::to_string(i) + ".FTS";
    abc += "2020-02-" + std::to_string(10 + (i % 18)) + "T00:00:" + std::to_string(10 + (i % 40)) +
           "Z,2020-03-01," + key + ",8,q" + std::to_string(i % 3) + "\n";
    write(uploads / "job1/ABC" / key, data(8));
  }
  write(uploads / "job1/ABC/manifest.csv", abc);
}

// Where a test ingest runs: a directory of buckets, or buckets in moto (records in SQLite either way).
class World {
 public:
  virtual ~World() = default;
  World() = default;
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  // Starts `heliocloud ingest --local ... job1`, output discarded.
  [[nodiscard]] pid_t start() const {
    std::vector<std::string> args{HELIOCLOUD_BIN, "ingest", "--local", "--chunk-files",
                                  std::to_string(kChunk)};
    for (auto& a : where_args()) args.push_back(a);
    args.emplace_back("job1");
    std::vector<char*> argv;
    argv.reserve(args.size());
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&files, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    return rc == 0 ? pid : -1;
  }

  [[nodiscard]] int run_to_end() const {
    const pid_t pid = start();
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  // The dataset records without their modification time.
  [[nodiscard]] std::map<std::string, std::string> records() const {
    SqliteDatasetStore store(db());
    std::map<std::string, std::string> out;
    for (const auto& r : store.list()) {
      auto j = to_json(r.record);
      j.erase("modification");
      out[r.record.id] = normalized(j.dump());
    }
    return out;
  }

  // Readers' view: every row of every index file names a data file that is there, with its size.
  void expect_index_rows_published(const std::string& when) const {
    const auto objects = dataset_objects();
    for (const auto& [key, size] : objects) {
      if (!key.ends_with(".csv")) continue;
      const auto index = parse_index_file(dataset_object(key), key);
      for (const auto& row : index.rows) {
        const auto data_key = row.datakey.substr(("s3://" + dataset_bucket + "/").size());
        const auto it = objects.find(data_key);
        ASSERT_NE(it, objects.end()) << when << ": " << key << " lists " << row.datakey << ", not published";
        EXPECT_EQ(it->second, row.size) << when << ": " << row.datakey;
      }
    }
  }

  // Everything a reader or the provider could see: the dataset bucket, the job folder and any other file,
  // with the bucket names made the same across worlds.
  [[nodiscard]] virtual std::map<std::string, std::string> state() const = 0;

  std::string dataset_bucket;

 protected:
  [[nodiscard]] virtual std::vector<std::string> where_args() const = 0;
  [[nodiscard]] virtual fs::path db() const = 0;
  [[nodiscard]] virtual std::map<std::string, std::uint64_t> dataset_objects() const = 0;
  [[nodiscard]] virtual std::string dataset_object(const std::string& key) const = 0;
  [[nodiscard]] std::string normalized(std::string text) const {
    for (auto at = text.find(dataset_bucket); at != std::string::npos; at = text.find(dataset_bucket, at + 3))
      text.replace(at, dataset_bucket.size(), "PUB");
    return text;
  }
};

fs::path temp_dir(const std::string& prefix) {
  std::random_device rd;
  return fs::temp_directory_path() / (prefix + std::to_string(rd()) + std::to_string(rd()));
}

// <root>/uploads/job1 and <root>/helio-public, records in <root>/.heliocloud-registry.sqlite3.
class LocalWorld final : public World {
 public:
  explicit LocalWorld(const fs::path& template_job) : root_(temp_dir("heliocloud-kill-")) {
    dataset_bucket = "helio-public";
    fs::create_directories(root_ / dataset_bucket);
    fs::copy(template_job, root_ / "uploads", fs::copy_options::recursive);
  }
  ~LocalWorld() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  LocalWorld(const LocalWorld&) = delete;
  LocalWorld& operator=(const LocalWorld&) = delete;

  // Every file under the root but the SQLite files, temporary and staging files included.
  [[nodiscard]] std::map<std::string, std::string> state() const override {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root_)) {
      if (!e.is_regular_file()) continue;
      const auto rel = e.path().lexically_relative(root_).generic_string();
      if (rel.starts_with(".heliocloud-registry.sqlite3")) continue;
      out[rel] = slurp(e.path());
    }
    return out;
  }

 protected:
  [[nodiscard]] std::vector<std::string> where_args() const override {
    return {"--root", root_.string(), "--bucket", dataset_bucket};
  }
  [[nodiscard]] fs::path db() const override { return root_ / ".heliocloud-registry.sqlite3"; }
  [[nodiscard]] std::map<std::string, std::uint64_t> dataset_objects() const override {
    std::map<std::string, std::uint64_t> out;
    const auto dir = root_ / dataset_bucket;
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.is_regular_file()) out[e.path().lexically_relative(dir).generic_string()] = e.file_size();
    return out;
  }
  [[nodiscard]] std::string dataset_object(const std::string& key) const override {
    return slurp(root_ / dataset_bucket / key);
  }

 private:
  fs::path root_;
};

#ifdef HELIOCLOUD_KILL_TEST_MOTO
// Buckets of their own in moto, records in a temporary SQLite file.
class MotoWorld final : public World {
 public:
  explicit MotoWorld(const fs::path& template_job)
      : s3_(aws::testing::moto_config()),
        uploads_(aws::testing::unique_name("kill-up")),
        dir_(temp_dir("hc-kill-db-")) {
    dataset_bucket = aws::testing::unique_name("kill-pub");
    s3_.create_bucket(uploads_);
    s3_.create_bucket(dataset_bucket);
    fs::create_directories(dir_);
    std::vector<std::string> bodies;
    std::vector<std::string> keys;
    for (const auto& e : fs::recursive_directory_iterator(template_job)) {
      if (!e.is_regular_file()) continue;
      keys.push_back(e.path().lexically_relative(template_job).generic_string());
      auto body = slurp(e.path());
      if (keys.back().ends_with("entries.json")) {
        for (auto at = body.find("helio-public"); at != std::string::npos; at = body.find("helio-public"))
          body.replace(at, std::string("helio-public").size(), dataset_bucket);
      }
      bodies.push_back(std::move(body));
    }
    std::vector<aws::BulkPut> puts;
    puts.reserve(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i)
      puts.push_back({.key = keys[i], .body = bodies[i], .file = {}, .options = {}});
    const auto failures = aws::S3Transfer(s3_).put_objects(uploads_, puts, 16);
    if (!failures.empty()) std::rethrow_exception(failures.front().error);
  }
  ~MotoWorld() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  MotoWorld(const MotoWorld&) = delete;
  MotoWorld& operator=(const MotoWorld&) = delete;

  [[nodiscard]] std::map<std::string, std::string> state() const override {
    std::map<std::string, std::string> out;
    for (const auto& [key, size] : dataset_objects()) out["PUB/" + key] = normalized(dataset_object(key));
    for (const auto& o : s3_.list_all_objects(uploads_))
      out["uploads/" + o.key] = s3_.get_object(uploads_, o.key).body;
    return out;
  }

 protected:
  [[nodiscard]] std::vector<std::string> where_args() const override {
    return {"--endpoint",
            std::getenv("AWS_ENDPOINT_URL"),
            "--db",
            db().string(),
            "--bucket",
            dataset_bucket,
            "--ingest-bucket",
            uploads_};
  }
  [[nodiscard]] fs::path db() const override { return dir_ / "registry.sqlite3"; }
  [[nodiscard]] std::map<std::string, std::uint64_t> dataset_objects() const override {
    std::map<std::string, std::uint64_t> out;
    for (const auto& o : s3_.list_all_objects(dataset_bucket)) out[o.key] = o.size;
    return out;
  }
  [[nodiscard]] std::string dataset_object(const std::string& key) const override {
    return s3_.get_object(dataset_bucket, key).body;
  }

 private:
  aws::S3Client s3_;
  std::string uploads_;
  fs::path dir_;
};
#endif

// A clean run, then kKills runs killed at random points, each followed by a rerun (and a second rerun, which
// has nothing to do): every kill point shows readers only published rows; every rerun ends in the clean
// run's state.
template <class W>
void kill_at_random_points(std::size_t files) {
  const auto template_dir = temp_dir("heliocloud-kill-job-");
  make_job(template_dir, files);

  W clean(template_dir);
  const auto began = Clock::now();
  ASSERT_EQ(clean.run_to_end(), 0);
  const auto clean_time = Clock::now() - began;
  const auto published = clean.state();
  const auto records = clean.records();
  ASSERT_EQ(records.size(), 2U);
  for (const auto& [path, body] : published) {
    EXPECT_TRUE(path.starts_with(clean.dataset_bucket + "/") || path.starts_with("PUB/"))
        << path << " left after a clean run";
  }

  std::mt19937_64 rng(std::random_device{}());
  const auto span = std::chrono::duration_cast<std::chrono::microseconds>(clean_time).count();
  int kills = 0;
  for (int attempt = 0; kills < kKills && attempt < 5 * kKills; ++attempt) {
    W w(template_dir);
    const auto delay =
        std::chrono::microseconds(static_cast<long long>(rng() % static_cast<std::uint64_t>(span)));
    const pid_t pid = w.start();
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(delay);
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFSIGNALED(status)) continue;  // it had finished: not a kill point
    ++kills;
    const auto when = "killed after " + std::to_string(delay.count()) + " us of " + std::to_string(span);
    w.expect_index_rows_published(when);

    ASSERT_EQ(w.run_to_end(), 0) << when;
    EXPECT_EQ(w.state(), published) << when;
    EXPECT_EQ(w.records(), records) << when;
    ASSERT_EQ(w.run_to_end(), 0) << when << ": a rerun of the published job";
  }
  EXPECT_GE(kills, kKills) << "the ingest ended before most kill points; make the job larger";
  fs::remove_all(template_dir);
}

TEST(IngestKill, LocalDirectoryKilledAtRandomPointsARerunGivesTheCleanRunsState) {
  kill_at_random_points<LocalWorld>(250);
}

#ifdef HELIOCLOUD_KILL_TEST_MOTO
TEST(IngestKill, MotoKilledAtRandomPointsARerunGivesTheCleanRunsState) {
  kill_at_random_points<MotoWorld>(120);
}
#endif

}  // namespace
}  // namespace heliocloud::registry
