#include "portal/elapsed_time.h"

#include "aws/credentials.h"

namespace heliocloud::portal {

std::string elapsed_text(std::chrono::seconds elapsed) {
  const long long s = elapsed.count();
  if (s < 60) return "Just Launched";  // also a launch time slightly ahead of our clock
  if (s < 5LL * 3600) return std::to_string(s / 60) + " minutes";
  if (s < 48LL * 3600) return std::to_string(s / 3600) + " hours";
  return std::to_string(s / 86400) + " days";
}

std::string elapsed_since(std::string_view launch_time, std::chrono::system_clock::time_point now) {
  try {
    const auto launched = aws::parse_iso8601(std::string(launch_time));
    return elapsed_text(std::chrono::duration_cast<std::chrono::seconds>(now - launched));
  } catch (const std::exception&) {
    return {};
  }
}

}  // namespace heliocloud::portal
