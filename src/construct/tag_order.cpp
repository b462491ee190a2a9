#include "construct/tag_order.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace heliocloud::construct {
namespace {

// ASCII in ICU root collation order (primary strength): whitespace, punctuation and symbols in CLDR's order,
// digits, then letters with both cases at one rank.
constexpr std::string_view kPunctuationOrder = "\t\n\v\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";

constexpr std::array<int, 128> make_ranks() {
  std::array<int, 128> ranks{};
  int next = 1;
  for (char c : kPunctuationOrder) ranks[static_cast<unsigned char>(c)] = next++;
  for (char c = '0'; c <= '9'; ++c) ranks[static_cast<unsigned char>(c)] = next++;
  for (char c = 'a'; c <= 'z'; ++c) {
    ranks[static_cast<unsigned char>(c)] = next;
    ranks[static_cast<unsigned char>(c - 'a' + 'A')] = next++;
  }
  return ranks;
}

constexpr std::array<int, 128> kRanks = make_ranks();

int primary_rank(unsigned char c) {
  // Control characters not in the table rank first (ICU ignores them); non-ASCII bytes after every letter.
  return c < 128 ? kRanks.at(c) : 1000 + c;
}

}  // namespace

bool tag_key_less(const std::string& a, const std::string& b) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const int ra = primary_rank(static_cast<unsigned char>(a[i]));
    const int rb = primary_rank(static_cast<unsigned char>(b[i]));
    if (ra != rb) return ra < rb;
  }
  if (a.size() != b.size()) return a.size() < b.size();
  // Equal but for case: the first lowercase letter where the other has uppercase sorts first.
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return a[i] > b[i];  // 'a' (0x61) > 'A' (0x41): lowercase first
  }
  return false;
}

std::vector<std::pair<std::string, std::string>> sorted_tags(
    std::vector<std::pair<std::string, std::string>> tags) {
  std::ranges::stable_sort(tags, [](const auto& x, const auto& y) { return tag_key_less(x.first, y.first); });
  return tags;
}

}  // namespace heliocloud::construct
