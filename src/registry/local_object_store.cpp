#include "registry/local_object_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <system_error>

#include "base/process.h"
#include "registry/key.h"

namespace heliocloud::registry {

namespace fs = std::filesystem;

namespace {

// Temporary files carry this prefix; listings skip them (earlier versions wrote them beside their target).
constexpr std::string_view kTempPrefix = ".hc-tmp-";
// Beside the bucket directories; not a valid bucket name, so never taken for a bucket.
constexpr std::string_view kStagingDir = ".hc-staging";
// Objects per list_pages() call, as S3 pages them.
constexpr std::size_t kListPage = 1000;

std::string temp_name() {
  static std::atomic<unsigned long> counter{0};
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return std::string(kTempPrefix) + std::to_string(rng()) + "-" + std::to_string(++counter);
}

// A process's staging directory is "<pid>.<random>.<host>".
std::string staging_name() {
  std::random_device rd;
  return std::to_string(getpid()) + "." + std::to_string(rd()) + "." + base::host_name();
}

// Deletes the staging directories of processes of this host that are gone (killed mid-write).
void remove_stale_staging(const fs::path& staging) {
  std::error_code ec;
  const auto host = base::host_name();
  for (auto it = fs::directory_iterator(staging, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    const auto name = it->path().filename().string();
    const auto dot = name.find('.');
    const auto second = dot == std::string::npos ? dot : name.find('.', dot + 1);
    if (second == std::string::npos || name.substr(second + 1) != host) continue;
    try {
      const auto pid = static_cast<pid_t>(std::stol(name.substr(0, dot)));
      if (base::process_is_gone(pid)) {
        std::error_code ignored;
        fs::remove_all(it->path(), ignored);
      }
    } catch (const std::exception&) {  // ignored: not one of ours: leave it
    }
  }
}

std::string where(const std::string& bucket, const std::string& key) {
  return "local://" + bucket + "/" + key;
}

}  // namespace

LocalObjectStore::LocalObjectStore(fs::path root) : root_(std::move(root)) {}

LocalObjectStore::~LocalObjectStore() {
  for (const auto& [parent, ours] : staging_) {
    std::error_code ec;
    fs::remove_all(ours, ec);
  }
}

fs::path LocalObjectStore::temp_path(const fs::path& bucket_dir) {
  const auto parent = bucket_dir.parent_path();
  fs::path ours;
  {
    std::scoped_lock lock(staging_mutex_);
    auto it = staging_.find(parent);
    if (it == staging_.end()) {
      remove_stale_staging(parent / kStagingDir);
      it = staging_.emplace(parent, parent / kStagingDir / staging_name()).first;
    }
    ours = it->second;
  }
  std::error_code ec;
  fs::create_directories(ours, ec);  // again each time: cheap, and survives someone deleting it
  return ours / temp_name();
}

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
  std::vector<ObjectInfo> out;
  list_pages(bucket, prefix, [&](std::vector<ObjectInfo>& page) {
    out.insert(out.end(), std::make_move_iterator(page.begin()), std::make_move_iterator(page.end()));
  });
  std::ranges::sort(out, [](const auto& a, const auto& b) { return a.key < b.key; });
  return out;
}

void LocalObjectStore::list_pages(const std::string& bucket, const std::string& prefix,
                                  const std::function<void(std::vector<ObjectInfo>& page)>& page) {
  const auto dir = existing_bucket(bucket);
  // Walk only the deepest directory the prefix names, not the whole bucket.
  const auto slash = prefix.rfind('/');
  const auto start = slash == std::string::npos ? dir : dir / fs::path(prefix.substr(0, slash));
  std::vector<ObjectInfo> out;
  std::error_code ec;
  if (!fs::is_directory(start, ec)) return;
  for (auto it = fs::recursive_directory_iterator(start, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const auto name = it->path().filename().string();
    if (name.starts_with(kTempPrefix)) continue;
    auto key = it->path().lexically_relative(dir).generic_string();
    if (!key.starts_with(prefix)) continue;
    out.push_back({.key = std::move(key), .size = static_cast<std::uint64_t>(it->file_size(ec))});
    if (out.size() == kListPage) {
      page(out);
      out.clear();
    }
  }
  if (ec) throw StoreError("listing " + where(bucket, prefix) + ": " + ec.message(), true);
  if (!out.empty()) page(out);
}

std::optional<ObjectInfo> LocalObjectStore::head(const std::string& bucket, const std::string& key) {
  const auto path = object_path(bucket, key);
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  const auto size = fs::file_size(path, ec);
  if (ec) return std::nullopt;
  return ObjectInfo{.key = key, .size = static_cast<std::uint64_t>(size)};
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

std::optional<ObjectRange> LocalObjectStore::get_range(const std::string& bucket, const std::string& key,
                                                       std::uint64_t first, std::uint64_t length,
                                                       const std::string& if_version) {
  const auto path = object_path(bucket, key);
  // The version and the bytes come from one open file: a put renames a new file into place, which this one
  // does not see.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return std::nullopt;
    throw StoreError("cannot read " + where(bucket, key) + ": " + std::strerror(errno), true);
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  ObjectRange range;
  range.version = std::to_string(info.st_size) + "-" + std::to_string(info.st_mtim.tv_sec) + "." +
                  std::to_string(info.st_mtim.tv_nsec);
  if (!if_version.empty() && range.version != if_version)
    throw StoreError(where(bucket, key) + " was replaced while it was being read; run the job again");
  const auto size = static_cast<std::uint64_t>(info.st_size);
  if (first >= size) return range;
  range.body.resize(static_cast<std::size_t>(std::min(length, size - first)));
  std::size_t done = 0;
  while (done < range.body.size()) {
    const auto n =
        ::pread(fd, range.body.data() + done, range.body.size() - done, static_cast<off_t>(first + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw StoreError("cannot read " + where(bucket, key) + ": " + std::strerror(errno), true);
    if (n == 0) throw StoreError(where(bucket, key) + " got shorter while it was being read", true);
    done += static_cast<std::size_t>(n);
  }
  return range;
}

void LocalObjectStore::put(const std::string& bucket, const std::string& key, std::string_view body,
                           const std::string& /*content_type: a file has none*/) {
  const auto path = object_path(bucket, key);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  const auto tmp = temp_path(bucket_path(bucket));
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
  const auto tmp = temp_path(bucket_path(dst_bucket));
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
