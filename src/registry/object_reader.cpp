#include "registry/object_reader.h"

namespace heliocloud::registry {

ObjectReader::ObjectReader(ObjectStore& store, std::string bucket, std::string key, std::string version,
                           std::size_t piece_bytes)
    : store_(store),
      bucket_(std::move(bucket)),
      key_(std::move(key)),
      version_(std::move(version)),
      piece_bytes_(piece_bytes == 0 ? 1 : piece_bytes) {}

std::optional<std::string> ObjectReader::next() {
  if (done_) return std::nullopt;
  auto part = store_.get_range(bucket_, key_, offset_, piece_bytes_, version_);
  if (!part) {
    done_ = true;
    if (offset_ == 0 && version_.empty()) {
      missing_ = true;
      return std::nullopt;
    }
    throw StoreError("s3://" + bucket_ + "/" + key_ +
                     " was deleted while it was being read; upload it again");
  }
  if (version_.empty()) version_ = part->version;
  offset_ += part->body.size();
  // A short piece is the last one; an empty one says the previous piece ended exactly at the end.
  if (part->body.size() < piece_bytes_) done_ = true;
  if (part->body.empty()) return std::nullopt;
  return std::move(part->body);
}

}  // namespace heliocloud::registry
