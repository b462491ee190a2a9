#include "construct/logical_id.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

namespace heliocloud::construct {
namespace {

// "Default" is invisible in ids, so that a construct can become the default child of a wrapper without
// changing its logical id; "Resource" is hidden from the human part only (it is still hashed).
constexpr const char* kHiddenId = "Default";
constexpr const char* kHiddenFromHumanId = "Resource";
constexpr std::size_t kHashLength = 8;
constexpr std::size_t kMaxHumanLength = 240;
constexpr std::size_t kMaxIdLength = 255;

std::string md5HexUpper8(const std::string& text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), digest.data(), &size, EVP_md5(), nullptr);
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < kHashLength / 2; ++i) {
    out += kHex[digest[i] >> 4U];
    out += kHex[digest[i] & 0xFU];
  }
  return out;
}

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string removeNonAlphanumeric(const std::string& s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 128) out += c;
  return out;
}

std::string makeUniqueId(std::vector<std::string> components) {
  std::erase(components, kHiddenId);
  if (components.empty()) throw std::invalid_argument("cannot make a unique id of an empty path");

  if (components.size() == 1) {
    std::string top = removeNonAlphanumeric(components.front());
    if (top.size() <= kMaxIdLength) return top;
  }

  std::string joined;
  for (std::size_t i = 0; i < components.size(); ++i) joined += (i ? "/" : "") + components[i];
  const std::string hash = md5HexUpper8(joined);

  // A component that the previous one already ends with adds nothing readable ("Bucket/Bucket").
  std::vector<std::string> human;
  for (const auto& c : components)
    if (human.empty() || !endsWith(human.back(), c)) human.push_back(c);

  std::string readable;
  for (const auto& c : human)
    if (c != kHiddenFromHumanId) readable += removeNonAlphanumeric(c);
  if (readable.size() > kMaxHumanLength) readable.resize(kMaxHumanLength);
  return readable + hash;
}

}  // namespace heliocloud::construct
