#pragma once
// Where sign-in reads the time: token expiry, the pre-login cookie's ten minutes, the JWKS refetch limit.
// Tests pass a clock they move; everything else uses the system clock.
#include <chrono>
#include <cstdint>
#include <functional>

namespace heliocloud::web::sign_in {

using Clock = std::function<std::chrono::system_clock::time_point()>;

[[nodiscard]] inline Clock system_clock() {
  return [] { return std::chrono::system_clock::now(); };
}

// Seconds since the Unix epoch, the unit of JWT NumericDate claims (RFC 7519 §2).
[[nodiscard]] inline std::int64_t unix_seconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace heliocloud::web::sign_in
