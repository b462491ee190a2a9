#include "registry/job.h"

#include <stdexcept>

#include "registry/key.h"

namespace heliocloud::registry {

JobLocation parse_job_location(std::string_view text) {
  auto s = text;
  if (s.starts_with("s3://")) s.remove_prefix(5);
  const auto slash = s.find('/');
  JobLocation job;
  job.bucket = std::string(s.substr(0, slash));
  if (!is_valid_bucket_name(job.bucket)) {
    throw std::invalid_argument("\"" + std::string(text) + "\": \"" + job.bucket +
                                "\" is not a valid bucket name");
  }
  auto folder = slash == std::string_view::npos ? std::string_view{} : s.substr(slash + 1);
  while (!folder.empty() && folder.back() == '/') folder.remove_suffix(1);
  if (!folder.empty()) {
    if (auto why = key_problem(folder)) throw std::invalid_argument("\"" + std::string(text) + "\": " + *why);
  }
  job.folder = std::string(folder);
  return job;
}

}  // namespace heliocloud::registry
