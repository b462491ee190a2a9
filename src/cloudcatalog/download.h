#pragma once
// Downloading a dataset's files (the rows of a FileListing) into a folder, in parallel: what `heliocloud get`
// does. A file already present with the index's size is skipped, so running it again only fetches what is
// missing; each file is written as <name>.part and renamed when complete and of the right size, so a folder
// never holds a half-written file under its real name.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "aws/s3.h"
#include "cloudcatalog/catalog_document.h"
#include "registry/index_file.h"

namespace heliocloud::cloudcatalog {

// Where a file goes under the output folder: its address relative to the dataset's index folder when it is
// inside it, else <bucket or host>/<key>. Throws CatalogError for an address that would leave the folder.
[[nodiscard]] std::filesystem::path local_path(const CatalogDataset& dataset, const std::string& datakey);

struct DownloadOptions {
  std::filesystem::path out;
  std::size_t parallel = 8;
  // Called after each file (from worker threads): its bytes and whether it was already there.
  std::function<void(std::uint64_t bytes, bool skipped)> on_file;
};

struct DownloadFailure {
  std::string datakey;
  std::string reason;
};

struct DownloadReport {
  std::size_t downloaded = 0;
  std::size_t skipped = 0;
  std::uint64_t bytes = 0;  // downloaded now
  std::vector<DownloadFailure> failures;
};

// s3:// through `s3` (its credentials, signed or anonymous), http(s):// with a plain GET on its HTTP client.
[[nodiscard]] DownloadReport download_files(const aws::S3Client& s3, const CatalogDataset& dataset,
                                            const std::vector<registry::IndexRow>& rows,
                                            const DownloadOptions& options);

}  // namespace heliocloud::cloudcatalog
