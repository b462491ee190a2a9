#pragma once
// The key of the CSRF tokens: every instance of the function must have the same one (a token made by one
// Lambda sandbox is checked by another), so deployed it is a Secrets Manager secret read at cold start;
// locally a file, or a random key for a single process. At least 32 bytes either way; never logged.
#include <string>

#include "aws/secrets_manager.h"
#include "base/result.h"

namespace heliocloud::registration {

inline constexpr std::size_t kMinSessionKeyBytes = 32;

// The file's bytes without a trailing line break (keys are often written with `echo` or an editor).
[[nodiscard]] base::Result<std::string> session_key_from_file(const std::string& path);

// The secret's string, or its binary value. `secret_id` is for the error message.
[[nodiscard]] base::Result<std::string> session_key_from_secret(const aws::SecretValue& secret,
                                                                const std::string& secret_id);

}  // namespace heliocloud::registration
