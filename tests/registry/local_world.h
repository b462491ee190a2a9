#pragma once
// A throwaway instance on disk for service tests: <tmp>/buckets/{uploads,helio-public,helio-empty} as a
// LocalObjectStore, and an SQLite dataset store beside it.
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>

#include "registry/local_object_store.h"
#include "registry/settings.h"
#include "registry/sqlite_dataset_store.h"
#include "test_data.h"

namespace heliocloud::registry::test {

namespace fs = std::filesystem;

class LocalWorld {
 public:
  LocalWorld() {
    std::random_device rd;
    dir = fs::temp_directory_path() /
          ("heliocloud-registry-test-" + std::to_string(rd()) + std::to_string(rd()));
    for (const char* b : {"uploads", "helio-public", "helio-empty"})
      fs::create_directories(dir / "buckets" / b);
    objects = std::make_unique<LocalObjectStore>(dir / "buckets");
    records = std::make_unique<SqliteDatasetStore>(db_path());
    settings.dataset_buckets = {"helio-public", "helio-empty"};
    settings.ingest_bucket = "uploads";
    settings.catalog_name = "Test HelioCloud";
    settings.catalog_contact = "Dr. Test, test@example.com";
  }
  ~LocalWorld() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  LocalWorld(const LocalWorld&) = delete;
  LocalWorld& operator=(const LocalWorld&) = delete;

  [[nodiscard]] fs::path db_path() const { return dir / "registry.sqlite3"; }
  [[nodiscard]] fs::path bucket(const std::string& name) const { return dir / "buckets" / name; }

  // Writes a file of `size` bytes (sparse, so multi-MB fixtures cost nothing).
  void data_file(const std::string& bucket_name, const std::string& key, std::uintmax_t size) const {
    const auto path = bucket(bucket_name) / key;
    fs::create_directories(path.parent_path());
    { std::ofstream(path, std::ios::binary).put('x'); }
    fs::resize_file(path, size);
  }
  void text_file(const std::string& bucket_name, const std::string& key, const std::string& body) const {
    const auto path = bucket(bucket_name) / key;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << body;
  }
  [[nodiscard]] std::string read(const std::string& bucket_name, const std::string& key) const {
    std::ifstream in(bucket(bucket_name) / key, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  [[nodiscard]] bool exists(const std::string& bucket_name, const std::string& key) const {
    return fs::exists(bucket(bucket_name) / key);
  }

  // A job whose files match a manifest: every row's file is created with the size the row states.
  void upload_manifest_and_files(const std::string& job, const std::string& id,
                                 const std::string& manifest) const {
    text_file("uploads", job + "/" + id + "/manifest.csv", manifest);
    std::istringstream lines(manifest);
    std::string line;
    std::getline(lines, line);  // header
    while (std::getline(lines, line)) {
      if (line.empty()) continue;
      const auto c1 = line.find(',');
      const auto c2 = line.rfind(',');
      data_file("uploads", job + "/" + id + "/" + line.substr(c1 + 1, c2 - c1 - 1),
                std::stoull(line.substr(c2 + 1)));
    }
  }

  fs::path dir;
  std::unique_ptr<LocalObjectStore> objects;
  std::unique_ptr<SqliteDatasetStore> records;
  RegistrySettings settings;
};

inline std::string entry_json(const std::string& id, const std::string& index, const std::string& title) {
  return R"({"id": ")" + id + R"(", "index": ")" + index + R"(", "title": ")" + title +
         R"(", "about_url": "https://www.nasa.gov", "creation": "2015-09-01T00:00:00"})";
}

}  // namespace heliocloud::registry::test
