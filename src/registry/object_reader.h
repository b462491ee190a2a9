#pragma once
// ObjectReader: an object's bytes a piece at a time (ObjectStore::get_range), every piece of one version of
// the object. A manifest of a million rows is 80-130 MB, alone near the 150 MB an ingest of such a job may
// use (issue 15: memory bounded by the chunk, not the job); read in pieces it costs a piece, for one GET
// per piece, and every read of it (validating, then publishing chunk by chunk) sees the same bytes.
#include <cstdint>
#include <optional>
#include <string>

#include "registry/object_store.h"

namespace heliocloud::registry {

// Large enough that a 100 MB manifest on S3 is 25 GETs per read, small enough not to matter beside a chunk.
inline constexpr std::size_t kReadPieceBytes = std::size_t{4} << 20;

class ObjectReader {
 public:
  // `version`: the version the object must still have (from an earlier read); empty = the one found first.
  ObjectReader(ObjectStore& store, std::string bucket, std::string key, std::string version = {},
               std::size_t piece_bytes = kReadPieceBytes);

  // The next piece, or nullopt at the end. The first call returns nullopt also when the object does not exist
  // (see missing()). Throws StoreError when the object was deleted or replaced since its first piece (or
  // since `version`).
  [[nodiscard]] std::optional<std::string> next();

  [[nodiscard]] bool missing() const { return missing_; }
  // The object's version as read (S3: its ETag); known after the first piece.
  [[nodiscard]] const std::string& version() const { return version_; }

 private:
  ObjectStore& store_;
  std::string bucket_;
  std::string key_;
  std::string version_;
  std::size_t piece_bytes_;
  std::uint64_t offset_ = 0;
  bool done_ = false;
  bool missing_ = false;
};

}  // namespace heliocloud::registry
