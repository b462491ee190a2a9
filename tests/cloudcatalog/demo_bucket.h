#pragma once
// The CloudCatalog demo fixture (data/demo-bucket) in a bucket of a test's own: catalog.json and the year
// index files with their addresses rewritten to that bucket, optionally each data file with the size its
// index row gives, and the public-read policy HelioCloud's dataset buckets have. Used by the reader's and the
// heliocloud client commands' moto tests.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "aws/s3.h"
#include "registry/index_file.h"

namespace heliocloud::cloudcatalog::testing {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

inline void upload_demo(const aws::S3Client& s3, const std::string& bucket, bool with_data_files) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(HELIOCLOUD_CLOUDCATALOG_TEST_DATA) / "demo-bucket";
  for (const auto& file : fs::recursive_directory_iterator(root)) {
    const auto name = file.path().filename().string();
    if (!(name.ends_with(".json") || name.ends_with(".csv"))) continue;  // the data files are made below
    const std::string body = replace_all(read_file(file.path()), "demo-bucket", bucket);
    s3.put_object(bucket, fs::relative(file.path(), root).generic_string(), body);
    if (!with_data_files || !name.ends_with(".csv")) continue;
    for (const auto& row : registry::parse_index_file(body, name).rows)
      s3.put_object(bucket, row.datakey.substr(("s3://" + bucket + "/").size()), std::string(row.size, 'x'));
  }
}

inline void make_public(const aws::S3Client& s3, const std::string& bucket) {
  s3.put_bucket_policy(bucket,
                       replace_all(read_file(std::filesystem::path(HELIOCLOUD_CLOUDCATALOG_TEST_DATA) /
                                             "public_read_policy.json"),
                                   "demo-bucket", bucket));
}

}  // namespace heliocloud::cloudcatalog::testing
