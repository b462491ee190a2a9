#pragma once
// JobLocation: an ingest job folder in the ingest bucket (issue 5, "Ingest job"):
//   <job>/entries.json, <job>/<id>/manifest.csv, <job>/<id>/<relative key>.
#include <string>
#include <string_view>

namespace heliocloud::registry {

struct JobLocation {
  std::string bucket;
  std::string folder;  // no leading or trailing '/'; empty = the bucket root
  std::string label;   // how messages name the job folder when it is not in S3 (a local directory); optional

  // Object key of a path relative to the job folder.
  [[nodiscard]] std::string key(std::string_view relative) const {
    return folder.empty() ? std::string(relative) : folder + "/" + std::string(relative);
  }
  [[nodiscard]] std::string uri() const {
    if (!label.empty()) return label + "/";
    return "s3://" + bucket + "/" + (folder.empty() ? "" : folder + "/");
  }
};

// "s3://bucket/folder/" or "bucket/folder" -> JobLocation; also strips the original's trailing '/'.
// Throws std::invalid_argument with the reason.
[[nodiscard]] JobLocation parse_job_location(std::string_view text);

inline constexpr std::string_view kEntriesFile = "entries.json";
inline constexpr std::string_view kManifestFile = "manifest.csv";

}  // namespace heliocloud::registry
