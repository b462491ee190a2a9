#pragma once
// Key safety: a manifest key becomes part of an object key in a public dataset bucket and, in local mode,
// a path on disk. The original joined it with os.path.join, so "/x" or "../x" escaped the job folder.
#include <optional>
#include <string>
#include <string_view>

namespace heliocloud::registry {

inline constexpr std::size_t kMaxKeyBytes = 1024;  // S3's limit for a whole key

// Why `key` is unsafe, or nullopt when it is fine: not empty, at most 1024 bytes, valid UTF-8, no control
// characters, no leading '/', no empty, "." or ".." segment (so no "//" and no trailing '/').
[[nodiscard]] std::optional<std::string> key_problem(std::string_view key);

// A bucket name S3 accepts: 3-63 of [a-z0-9.-], starting and ending with a letter or digit.
[[nodiscard]] bool is_valid_bucket_name(std::string_view bucket);

}  // namespace heliocloud::registry
