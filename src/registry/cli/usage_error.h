#pragma once
// A usage or setup problem (wrong arguments, unknown instance, stack not deployed): printed as one message,
// exit 2.
#include <stdexcept>

namespace heliocloud::registry::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Exit statuses of every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;  // a dataset, bucket, file or function failed
inline constexpr int kExitUsage = 2;

}  // namespace heliocloud::registry::cli
