#include "construct/fingerprint.h"

#include "construct/sha256.h"

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace heliocloud::construct {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kBinaryProbeSize = 8192;

// Each field is framed with control characters so that no two different trees hash alike.
void field(Sha256& h, const std::string& key, const std::string& value) {
  h.update("\x01");
  h.update(key);
  h.update("\x02");
  h.update(value);
  h.update("\x03");
}

bool isInside(const fs::path& candidate, const fs::path& root) {
  auto rel = candidate.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

void walk(Sha256& h, const fs::path& root, const fs::path& current) {
  std::vector<fs::directory_entry> entries(fs::directory_iterator(current), fs::directory_iterator{});
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.path().filename().string() < b.path().filename().string();
  });
  for (const auto& entry : entries) {
    const std::string name = entry.path().filename().string();
    if (name == ".is_custom_resource") continue;  // a marker aws-cdk-lib leaves out of the hash
    const std::string rel = entry.path().lexically_relative(root).generic_string();
    if (entry.is_symlink()) {
      const fs::path real = fs::weakly_canonical(entry.path());
      // Default "external" mode: links to the outside are followed, links within the tree hash as links.
      if (isInside(real, fs::weakly_canonical(root)) || real == fs::weakly_canonical(root)) {
        field(h, "link:" + rel, fs::read_symlink(entry.path()).string());
        continue;
      }
    }
    if (entry.is_directory())
      walk(h, root, entry.path());
    else if (entry.is_regular_file())
      field(h, "file:" + rel, contentFingerprint(entry.path()));
  }
}

}  // namespace

std::string contentFingerprint(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot read asset file");
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const bool binary = data.substr(0, kBinaryProbeSize).find('\0') != std::string::npos;
  if (!binary) {
    std::string normalized;
    normalized.reserve(data.size());
    for (std::size_t i = 0; i < data.size(); ++i) {
      if (data[i] == '\r' && i + 1 < data.size() && data[i + 1] == '\n') continue;
      normalized += data[i];
    }
    data.swap(normalized);
  }
  Sha256 h;
  h.update(data);
  return std::to_string(data.size()) + ":" + h.hex();
}

std::string fingerprint(const fs::path& path) {
  if (!fs::exists(path)) throw std::runtime_error(path.string() + ": asset path does not exist");
  Sha256 h;
  field(h, "options.extra", "");
  field(h, "options.follow", "external");
  if (fs::is_directory(path))
    walk(h, path, path);
  else
    field(h, "file:", contentFingerprint(path));
  return h.hex();
}

}  // namespace heliocloud::construct
