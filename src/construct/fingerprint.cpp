#include "construct/fingerprint.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "base/digest.h"
#include "construct/fingerprint_cache.h"

namespace heliocloud::construct {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kBinaryProbeSize = 8192;
constexpr std::size_t kChunkSize = 1U << 16U;

std::string file_fingerprint(const fs::path& file, FingerprintCache* cache) {
  return cache != nullptr ? cache->content_fingerprint(file) : content_fingerprint(file);
}

// Each field is framed with control characters so that no two different trees hash alike.
void field(base::Sha256& h, const std::string& key, const std::string& value) {
  h.update("\x01");
  h.update(key);
  h.update("\x02");
  h.update(value);
  h.update("\x03");
}

bool is_inside(const fs::path& candidate, const fs::path& root) {
  auto rel = candidate.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

void walk(base::Sha256& h, const fs::path& root, const fs::path& current, FingerprintCache* cache) {
  std::vector<fs::directory_entry> entries(fs::directory_iterator(current), fs::directory_iterator{});
  std::ranges::sort(entries, [](const auto& a, const auto& b) {
    return a.path().filename().string() < b.path().filename().string();
  });
  for (const auto& entry : entries) {
    const std::string name = entry.path().filename().string();
    if (name == ".is_custom_resource") continue;  // a marker aws-cdk-lib leaves out of the hash
    const std::string rel = entry.path().lexically_relative(root).generic_string();
    if (entry.is_symlink()) {
      const fs::path real = fs::weakly_canonical(entry.path());
      // Default "external" mode: links to the outside are followed, links within the tree hash as links.
      if (is_inside(real, fs::weakly_canonical(root)) || real == fs::weakly_canonical(root)) {
        field(h, "link:" + rel, fs::read_symlink(entry.path()).string());
        continue;
      }
    }
    if (entry.is_directory())
      walk(h, root, entry.path(), cache);
    else if (entry.is_regular_file())
      field(h, "file:" + rel, file_fingerprint(entry.path(), cache));
  }
}

}  // namespace

std::string content_fingerprint(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot read asset file");
  // Streamed in chunks: Lambda packages hold tens of megabytes of shared libraries.
  std::vector<char> chunk(kChunkSize);
  base::Sha256 h;
  std::uint64_t size = 0;
  bool first = true;
  bool binary = false;
  bool pending_cr = false;  // a CR at the end of one chunk may pair with an LF at the start of the next
  std::string text;
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    const auto n = static_cast<std::size_t>(in.gcount());
    if (first) {
      binary = std::memchr(chunk.data(), 0, std::min(n, kBinaryProbeSize)) != nullptr;
      first = false;
    }
    if (binary) {
      h.update({chunk.data(), n});
      size += n;
      continue;
    }
    text.clear();
    for (std::size_t i = 0; i < n; ++i) {
      const char c = chunk[i];
      if (pending_cr) {
        pending_cr = false;
        if (c != '\n') text += '\r';
      }
      if (c == '\r') {
        pending_cr = true;
        continue;
      }
      text += c;
    }
    h.update(text);
    size += text.size();
  }
  if (pending_cr) {
    h.update("\r");
    ++size;
  }
  return std::to_string(size) + ":" + h.hex();
}

std::string fingerprint(const fs::path& path, FingerprintCache* cache) {
  if (!fs::exists(path)) throw std::runtime_error(path.string() + ": asset path does not exist");
  base::Sha256 h;
  field(h, "options.extra", "");
  field(h, "options.follow", "external");
  if (fs::is_directory(path))
    walk(h, path, path, cache);
  else
    field(h, "file:", file_fingerprint(path, cache));
  return h.hex();
}

}  // namespace heliocloud::construct
