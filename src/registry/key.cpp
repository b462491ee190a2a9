#include "registry/key.h"

#include "registry/text.h"

namespace heliocloud::registry {

std::optional<std::string> key_problem(std::string_view key) {
  if (key.empty()) return "the key is empty";
  if (key.size() > kMaxKeyBytes) {
    return "the key is " + std::to_string(key.size()) + " bytes long, more than " +
           std::to_string(kMaxKeyBytes);
  }
  if (!text::is_valid_utf8(key)) return "the key is not valid UTF-8";
  for (const char c : key) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return "the key contains a control character";
  }
  if (key.front() == '/') return "the key starts with '/' (keys are relative to the dataset folder)";
  std::size_t start = 0;
  while (true) {
    const auto slash = key.find('/', start);
    const auto segment =
        key.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (segment.empty()) return "the key has an empty path segment ('//' or a trailing '/')";
    if (segment == "." || segment == "..") return "the key has a '" + std::string(segment) + "' path segment";
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return std::nullopt;
}

bool is_valid_bucket_name(std::string_view bucket) {
  if (bucket.size() < 3 || bucket.size() > 63) return false;
  for (const char c : bucket) {
    if ((c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '.' && c != '-') return false;
  }
  const auto edge_ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  return edge_ok(bucket.front()) && edge_ok(bucket.back());
}

}  // namespace heliocloud::registry
