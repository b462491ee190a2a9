#pragma once
// ObjectStore: the few bucket operations the registry needs. The services are written only against this, so
// the same ingest runs on S3 (deployed, or any endpoint), and on a local directory (a directory per bucket).
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace heliocloud::registry {

struct RemoveFailure {
  std::string key;
  std::string reason;
  bool transient = false;  // worth trying again (throttling, a server error)
};

struct ObjectInfo {
  std::string key;
  std::uint64_t size = 0;
};

// Part of an object (ObjectStore::get_range).
struct ObjectRange {
  std::string body;     // shorter than asked at the end of the object; empty past it
  std::string version;  // tells one content of the object from another (S3: its ETag)
};

// A failed store operation; the message names the bucket and key. `transient` = worth retrying.
class StoreError : public std::runtime_error {
 public:
  explicit StoreError(const std::string& what, bool transient = false)
      : std::runtime_error(what), transient_(transient) {}
  [[nodiscard]] bool transient() const { return transient_; }

 private:
  bool transient_;
};

class ObjectStore {
 public:
  virtual ~ObjectStore() = default;

  [[nodiscard]] virtual bool bucket_exists(const std::string& bucket) = 0;
  // Every object whose key starts with `prefix`, with its size, sorted by key.
  [[nodiscard]] virtual std::vector<ObjectInfo> list(const std::string& bucket,
                                                     const std::string& prefix) = 0;
  [[nodiscard]] virtual std::optional<ObjectInfo> head(const std::string& bucket, const std::string& key) = 0;
  // nullopt when the object does not exist.
  [[nodiscard]] virtual std::optional<std::string> get(const std::string& bucket, const std::string& key) = 0;
  // Bytes [first, first + length) of an object; nullopt when it does not exist. With `if_version` (a version
  // an earlier range returned) throws StoreError when the object has been replaced since: the pieces of a
  // large object read one after another are all of one content.
  [[nodiscard]] virtual std::optional<ObjectRange> get_range(const std::string& bucket,
                                                             const std::string& key, std::uint64_t first,
                                                             std::uint64_t length,
                                                             const std::string& if_version) = 0;
  // Every object whose key starts with `prefix`, with its size, handed to `page` a part at a time, in no set
  // order: a listing of a million objects without holding it.
  virtual void list_pages(const std::string& bucket, const std::string& prefix,
                          const std::function<void(std::vector<ObjectInfo>& page)>& page) = 0;
  // Replaces the object as a whole: readers see the old or the new bytes, never a mix.
  virtual void put(const std::string& bucket, const std::string& key, std::string_view body,
                   const std::string& content_type) = 0;
  // Server-side copy (no bytes through this process); the destination is replaced as a whole.
  virtual void copy(const std::string& src_bucket, const std::string& src_key, const std::string& dst_bucket,
                    const std::string& dst_key) = 0;
  // Deleting an absent object is not an error (as in S3).
  virtual void remove(const std::string& bucket, const std::string& key) = 0;
  // Deletes many objects and returns those that could not be deleted (throws only when nothing could be
  // tried). The default is one remove() per key; S3 overrides it with DeleteObjects, 1000 keys per request,
  // which halves the requests of an ingest (one copy and one delete per file before).
  [[nodiscard]] virtual std::vector<RemoveFailure> remove_many(const std::string& bucket,
                                                               const std::vector<std::string>& keys) {
    std::vector<RemoveFailure> failures;
    for (const auto& key : keys) {
      try {
        remove(bucket, key);
      } catch (const StoreError& e) {
        failures.push_back({.key = key, .reason = e.what(), .transient = e.transient()});
      }
    }
    return failures;
  }
};

}  // namespace heliocloud::registry
