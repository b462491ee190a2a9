#include "registry/key_hashes.h"

#include <algorithm>

namespace heliocloud::registry {

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

bool DuplicateKeys::find_suspects() {
  std::ranges::sort(hashes_);
  // Keep one copy of each hash that occurs at least twice.
  std::size_t kept = 0;
  for (std::size_t i = 0; i + 1 < hashes_.size();) {
    if (hashes_[i] != hashes_[i + 1]) {
      ++i;
      continue;
    }
    hashes_[kept++] = hashes_[i];
    const auto h = hashes_[i];
    while (i < hashes_.size() && hashes_[i] == h) ++i;
  }
  hashes_.resize(kept);
  hashes_.shrink_to_fit();
  sorted_ = true;
  return !hashes_.empty();
}

bool DuplicateKeys::suspect(std::string_view key) const {
  return sorted_ && std::ranges::binary_search(hashes_, key_hash(key));
}

void ListedSizes::seal() {
  std::ranges::sort(entries_);
}

ListedSizes::Lookup ListedSizes::find(std::string_view key) const {
  const auto h = key_hash(key);
  const auto it = std::ranges::lower_bound(entries_, std::pair{h, std::uint64_t{0}});
  if (it == entries_.end() || it->first != h) return {};
  const bool ambiguous = std::next(it) != entries_.end() && std::next(it)->first == h;
  return {.listed = true, .ambiguous = ambiguous, .size = ambiguous ? 0 : it->second};
}

}  // namespace heliocloud::registry
