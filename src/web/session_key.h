#pragma once
// An app's secret key (CSRF tokens, sealed session cookies): every instance of a function must have the same
// one (a token made by one Lambda sandbox is checked by another), so deployed it is a secret read at cold
// start; locally a file, or a random key for a single process (random_key in csrf.h). At least 32 bytes;
// never logged. Shared by the web apps; the secret's value comes from the caller (Secrets Manager).
#include <optional>
#include <string>

#include "base/result.h"

namespace heliocloud::web {

inline constexpr std::size_t kMinSessionKeyBytes = 32;

// The file's bytes without a trailing line break (keys are often written with `echo` or an editor).
[[nodiscard]] base::Result<std::string> session_key_from_file(const std::string& path);

// A secret's string value, or else its binary one. `secret_id` is for the error message.
[[nodiscard]] base::Result<std::string> session_key_from_secret(const std::optional<std::string>& text,
                                                                const std::optional<std::string>& binary,
                                                                const std::string& secret_id);

}  // namespace heliocloud::web
