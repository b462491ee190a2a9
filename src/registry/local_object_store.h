#pragma once
// LocalObjectStore: buckets as directories under a root (<root>/<bucket>/<key>), for `--local` runs and
// tests. Writes go to a temporary file in a staging directory beside the buckets (<root>/.hc-staging/<one per
// process>) and are renamed into place, so a reader never sees a half-written file, as with S3, and a killed
// process leaves no temporary file in a bucket: its staging directory is deleted by the next store that finds
// the process gone. Empty directories left by deletes are removed (S3 has no directories).
#include <filesystem>
#include <map>
#include <mutex>

#include "registry/object_store.h"

namespace heliocloud::registry {

class LocalObjectStore final : public ObjectStore {
 public:
  explicit LocalObjectStore(std::filesystem::path root);
  ~LocalObjectStore() override;
  LocalObjectStore(const LocalObjectStore&) = delete;
  LocalObjectStore& operator=(const LocalObjectStore&) = delete;

  // Serves `bucket` from `directory` instead of <root>/<bucket> (`heliocloud validate <job dir>`).
  void map_bucket(const std::string& bucket, std::filesystem::path directory);

  [[nodiscard]] bool bucket_exists(const std::string& bucket) override;
  [[nodiscard]] std::vector<ObjectInfo> list(const std::string& bucket, const std::string& prefix) override;
  [[nodiscard]] std::optional<ObjectInfo> head(const std::string& bucket, const std::string& key) override;
  [[nodiscard]] std::optional<std::string> get(const std::string& bucket, const std::string& key) override;
  // The version of a file is its size and modification time.
  [[nodiscard]] std::optional<ObjectRange> get_range(const std::string& bucket, const std::string& key,
                                                     std::uint64_t first, std::uint64_t length,
                                                     const std::string& if_version) override;
  void list_pages(const std::string& bucket, const std::string& prefix,
                  const std::function<void(std::vector<ObjectInfo>& page)>& page) override;
  void put(const std::string& bucket, const std::string& key, std::string_view body,
           const std::string& content_type) override;
  void copy(const std::string& src_bucket, const std::string& src_key, const std::string& dst_bucket,
            const std::string& dst_key) override;
  void remove(const std::string& bucket, const std::string& key) override;

  [[nodiscard]] std::filesystem::path bucket_path(const std::string& bucket) const;

 private:
  // <bucket dir>/<key>; throws StoreError for a key that would leave the bucket directory.
  [[nodiscard]] std::filesystem::path object_path(const std::string& bucket, const std::string& key) const;
  [[nodiscard]] std::filesystem::path existing_bucket(const std::string& bucket) const;
  // A new temporary path in this process's staging directory for a file of `bucket_dir`.
  [[nodiscard]] std::filesystem::path temp_path(const std::filesystem::path& bucket_dir);

  std::filesystem::path root_;
  std::map<std::string, std::filesystem::path> mapped_;
  std::mutex staging_mutex_;
  std::map<std::filesystem::path, std::filesystem::path> staging_;  // parent of bucket dirs -> ours in it
};

}  // namespace heliocloud::registry
