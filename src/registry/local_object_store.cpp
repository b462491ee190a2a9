#include "registry/local_object_store.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <random>
#include <sstream>
#include <system_error>

#include "registry/key.h"

namespace heliocloud::registry {

namespace fs = std::filesystem;

namespace {

// Temporary files carry this prefix; listings skip them.
constexpr std::string_view kTempPrefix = ".hc-tmp-";

std::string temp_name() {
  static std::atomic<unsigned long> counter{0};
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return std::string(kTempPrefix) + std::to_string(rng()) + "-" + std::to_string(++counter);
}

std::string where(const std::string& bucket, const std::string& key) {
  return "local://" + bucket + "/" + key;
}

}  // namespace

LocalObjectStore::LocalObjectStore(fs::path root) : root_(std::move(root)) {}

void LocalObjectStore::map_bucket(const std::string& bucket, fs::path directory) {
  mapped_[bucket] = std::move(directory);
}

fs::path LocalObjectStore::bucket_path(const std::string& bucket) const {
  if (const auto it = mapped_.find(bucket); it != mapped_.end()) return it->second;
  if (!is_valid_bucket_name(bucket)) throw StoreError("\"" + bucket + "\" is not a valid bucket name");
  return root_ / bucket;
}

fs::path LocalObjectStore::existing_bucket(const std::string& bucket) const {
  auto dir = bucket_path(bucket);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw StoreError("bucket \"" + bucket + "\" does not exist (no directory " + dir.string() + ")");
  }
  return dir;
}

fs::path LocalObjectStore::object_path(const std::string& bucket, const std::string& key) const {
  if (auto why = key_problem(key)) throw StoreError(where(bucket, key) + ": " + *why);
  return existing_bucket(bucket) / fs::path(key);
}

bool LocalObjectStore::bucket_exists(const std::string& bucket) {
  std::error_code ec;
  return fs::is_directory(bucket_path(bucket), ec);
}

std::vector<ObjectInfo> LocalObjectStore::list(const std::string& bucket, const std::string& prefix) {
  const auto dir = existing_bucket(bucket);
  // Walk only the deepest directory the prefix names, not the whole bucket.
  const auto slash = prefix.rfind('/');
  const auto start = slash == std::string::npos ? dir : dir / fs::path(prefix.substr(0, slash));
  std::vector<ObjectInfo> out;
  std::error_code ec;
  if (!fs::is_directory(start, ec)) return out;
  for (auto it = fs::recursive_directory_iterator(start, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const auto name = it->path().filename().string();
    if (name.starts_with(kTempPrefix)) continue;
    auto key = it->path().lexically_relative(dir).generic_string();
    if (!key.starts_with(prefix)) continue;
    out.push_back({std::move(key), static_cast<std::uint64_t>(it->file_size(ec))});
  }
  if (ec) throw StoreError("listing " + where(bucket, prefix) + ": " + ec.message(), true);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  return out;
}

std::optional<ObjectInfo> LocalObjectStore::head(const std::string& bucket, const std::string& key) {
  const auto path = object_path(bucket, key);
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  const auto size = fs::file_size(path, ec);
  if (ec) return std::nullopt;
  return ObjectInfo{key, static_cast<std::uint64_t>(size)};
}

std::optional<std::string> LocalObjectStore::get(const std::string& bucket, const std::string& key) {
  const auto path = object_path(bucket, key);
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw StoreError("cannot read " + where(bucket, key), true);
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

void LocalObjectStore::put(const std::string& bucket, const std::string& key, std::string_view body,
                           const std::string& /*content_type: a file has none*/) {
  const auto path = object_path(bucket, key);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  const auto tmp = path.parent_path() / temp_name();
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(body.data(), static_cast<std::streamsize>(body.size()));
    if (!out) throw StoreError("cannot write " + where(bucket, key) + " (" + tmp.string() + ")", true);
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw StoreError("cannot write " + where(bucket, key) + ": " + ec.message(), true);
  }
}

void LocalObjectStore::copy(const std::string& src_bucket, const std::string& src_key,
                            const std::string& dst_bucket, const std::string& dst_key) {
  const auto src = object_path(src_bucket, src_key);
  const auto dst = object_path(dst_bucket, dst_key);
  std::error_code ec;
  if (!fs::is_regular_file(src, ec))
    throw StoreError("copy source " + where(src_bucket, src_key) + " does not exist");
  fs::create_directories(dst.parent_path(), ec);
  const auto tmp = dst.parent_path() / temp_name();
  fs::copy_file(src, tmp, fs::copy_options::overwrite_existing, ec);
  if (!ec) fs::rename(tmp, dst, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    throw StoreError("cannot copy " + where(src_bucket, src_key) + " to " + where(dst_bucket, dst_key) +
                         ": " + ec.message(),
                     true);
  }
}

void LocalObjectStore::remove(const std::string& bucket, const std::string& key) {
  const auto dir = existing_bucket(bucket);
  auto path = object_path(bucket, key);
  std::error_code ec;
  fs::remove(path, ec);
  if (ec) throw StoreError("cannot delete " + where(bucket, key) + ": " + ec.message(), true);
  // Drop directories the delete left empty, up to the bucket directory.
  for (path = path.parent_path(); path != dir && path.string().size() > dir.string().size();
       path = path.parent_path()) {
    if (!fs::is_empty(path, ec) || ec) break;
    fs::remove(path, ec);
    if (ec) break;
  }
}

}  // namespace heliocloud::registry
