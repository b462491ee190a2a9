#include "daskhub/remote/log_follower.h"

#include <charconv>

#include "base/base64.h"
#include "base/text.h"
#include "daskhub/quoting.h"

namespace heliocloud::daskhub::remote {

std::vector<std::string> LogFollower::read_script() const {
  // `tail -c +N` starts at byte N (from 1); the size comes first so the reader knows whether it is behind.
  return {
      "f=" + shell_quote(path_),
      "if [ -f \"$f\" ]; then",
      "  printf 'log %s\\n' \"$(stat -c %s \"$f\")\"",
      "  tail -c +" + std::to_string(offset_ + 1) + " \"$f\" | head -c " + std::to_string(kLogChunkBytes) +
          " | base64 -w 0",
      "  echo",
      "else",
      "  echo nolog",
      "fi",
  };
}

std::optional<std::string> LogFollower::take(std::string_view read_output) {
  const auto newline = read_output.find('\n');
  const auto header = base::trim(read_output.substr(0, newline));
  if (header == "nolog") {
    exists_ = false;
    return std::string();
  }
  if (!header.starts_with("log ") || newline == std::string_view::npos) return std::nullopt;
  std::uint64_t size = 0;
  const auto digits = header.substr(4);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), size);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  auto bytes = base::base64_decode(base::trim(read_output.substr(newline + 1)));
  if (!bytes || bytes->size() > kLogChunkBytes) return std::nullopt;
  exists_ = true;
  offset_ += bytes->size();
  // The file may have grown between stat and tail: what was read counts too.
  size_ = std::max(size, offset_);
  return bytes;
}

std::string OutputDelta::next(std::string_view content) {
  if (content.size() <= printed_) return {};
  std::string fresh(content.substr(printed_));
  printed_ = content.size();
  return fresh;
}

}  // namespace heliocloud::daskhub::remote
