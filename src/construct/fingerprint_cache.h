#pragma once
// Remembers file content fingerprints between runs of the app, keyed by what `stat` says of the file (size,
// modification time, device and inode), much as git's index does. A Lambda package of tens of megabytes is
// then hashed once per build instead of once per `cdk` command.

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace heliocloud::construct {

class FingerprintCache {
 public:
  // An empty path: nothing is read or written, every file is hashed.
  explicit FingerprintCache(std::filesystem::path file = {});

  // The content fingerprint of `file`, from the cache when the file is unchanged, else computed.
  std::string content_fingerprint(const std::filesystem::path& file);
  // Writes the cache back when something changed; failures are ignored (the cache is only a speed-up).
  void save() const;
  // How many fingerprints came from the cache (for tests and benchmarks).
  std::size_t hits() const { return hits_; }

 private:
  struct Entry {
    std::string signature;
    std::string fingerprint;
  };
  std::filesystem::path file_;
  std::map<std::string, Entry> entries_;
  bool dirty_ = false;
  std::size_t hits_ = 0;
};

}  // namespace heliocloud::construct
