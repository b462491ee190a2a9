#include "base/unique_id.h"

#include <algorithm>
#include <stdexcept>

#include "base/digest.h"

namespace heliocloud::base {
namespace {

// "Default" is invisible in ids, so that a construct can become the default child of a wrapper without
// changing its logical id; "Resource" is hidden from the human part only (it is still hashed).
constexpr std::string_view kHiddenId = "Default";
constexpr std::string_view kHiddenFromHumanId = "Resource";
constexpr std::size_t kHashLength = 8;
constexpr std::size_t kMaxHumanLength = 240;
constexpr std::size_t kMaxIdLength = 255;

bool is_ascii_alphanumeric(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// aws-cdk: the first 8 upper-case hex digits of the MD5 of the joined path.
std::string path_hash(const std::vector<std::string>& components) {
  std::string joined;
  for (std::size_t i = 0; i < components.size(); ++i) joined += ((i != 0) ? "/" : "") + components[i];
  return to_hex(md5(joined), true).substr(0, kHashLength);
}

}  // namespace

std::string remove_non_alphanumeric(std::string_view s) {
  std::string out;
  std::ranges::copy_if(s, std::back_inserter(out), is_ascii_alphanumeric);
  return out;
}

std::string make_unique_id(std::vector<std::string> components) {
  std::erase(components, kHiddenId);
  if (components.empty()) throw std::invalid_argument("cannot make a unique id of an empty path");

  if (components.size() == 1) {
    std::string top = remove_non_alphanumeric(components.front());
    if (top.size() <= kMaxIdLength) return top;
  }

  // A component that the previous one already ends with adds nothing readable ("Bucket/Bucket").
  std::vector<std::string> human;
  for (const auto& c : components)
    if (human.empty() || !human.back().ends_with(c)) human.push_back(c);

  std::string readable;
  for (const auto& c : human)
    if (c != kHiddenFromHumanId) readable += remove_non_alphanumeric(c);
  if (readable.size() > kMaxHumanLength) readable.resize(kMaxHumanLength);
  return readable + path_hash(components);
}

}  // namespace heliocloud::base
