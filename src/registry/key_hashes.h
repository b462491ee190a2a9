#pragma once
// Compact sets of object keys for validating a job of a million rows (issue 15): 8 bytes per key instead of
// the key. A hash says for certain that a key is absent; where hashes meet, the caller compares the keys
// exactly (DuplicateKeys: a second read of the rows concerned) or asks the store (ListedSizes: a HEAD when
// the sizes differ or several listed keys share the hash). One case is taken on trust: a listed hash with the
// row's own size is taken for the row's file. Another key matching it by chance has odds of about 1 in 20
// million for a job of a million files, and then the file's copy fails, naming it.
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace heliocloud::registry {

inline constexpr std::uint64_t kFnvOffsetBasis = 14695981039346656037ULL;

// 64-bit FNV-1a, the same in every build and process; `h` carries it over text read in pieces.
[[nodiscard]] std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = kFnvOffsetBasis);

[[nodiscard]] inline std::uint64_t key_hash(std::string_view key) {
  return fnv1a(key);
}

// Finds the keys that occur more than once among many, in two steps: add() every key, then ask whether a key
// is a suspect (its hash was added more than once). Only suspects can be duplicates.
class DuplicateKeys {
 public:
  void add(std::string_view key) { hashes_.push_back(key_hash(key)); }
  // Ends the adding: keeps only the hashes added more than once. Returns whether there are any.
  bool find_suspects();
  [[nodiscard]] bool suspect(std::string_view key) const;

 private:
  std::vector<std::uint64_t> hashes_;
  bool sorted_ = false;
};

// The objects of a listing (a job folder) by key hash, with their sizes.
class ListedSizes {
 public:
  void add(std::string_view key, std::uint64_t size) { entries_.emplace_back(key_hash(key), size); }
  // Ends the adding (sorts); add() after it needs another call.
  void seal();

  struct Lookup {
    bool listed = false;     // a listed key has this key's hash
    bool ambiguous = false;  // several listed keys have it: ask the store
    std::uint64_t size = 0;  // the listed size when listed and not ambiguous
  };
  [[nodiscard]] Lookup find(std::string_view key) const;
  [[nodiscard]] std::size_t size() const { return entries_.size(); }

 private:
  std::vector<std::pair<std::uint64_t, std::uint64_t>> entries_;  // hash, size
};

}  // namespace heliocloud::registry
