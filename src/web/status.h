#pragma once
// Reason phrases (RFC 9110 §15) for error pages and for the ALB's statusDescription ("404 Not Found").
#include <string_view>

namespace heliocloud::web {

// The standard phrase, or "Unknown" for a code we do not name.
[[nodiscard]] std::string_view reason_phrase(int status) noexcept;

}  // namespace heliocloud::web
