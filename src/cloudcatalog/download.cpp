#include "cloudcatalog/download.h"

#include <algorithm>
#include <mutex>
#include <system_error>

#include "base/parallel_for.h"
#include "cloudcatalog/endpoint.h"
#include "cloudcatalog/errors.h"
#include "http/client.h"

namespace heliocloud::cloudcatalog {
namespace fs = std::filesystem;

namespace {

std::string relative_of(const CatalogDataset& dataset, const std::string& datakey) {
  if (datakey.starts_with(dataset.index)) return datakey.substr(dataset.index.size());
  const auto scheme = datakey.find("://");
  if (scheme == std::string::npos)
    throw CatalogError("datakey \"" + datakey + "\" is not an absolute address");
  return datakey.substr(scheme + 3);  // bucket/key or host/path
}

void fetch_to(const aws::S3Client& s3, const std::string& uri, const fs::path& path) {
  if (is_s3_uri(uri)) {
    const auto address = split_s3_uri(uri);
    (void)s3.get_object_to_file(address.bucket, address.key, path);
    return;
  }
  if (!is_http_uri(uri)) throw CatalogError("\"" + uri + "\" is neither an s3:// nor an http(s):// address");
  http::Request request;
  request.url = uri;
  request.response_file = path;
  const auto response = s3.config().http->send(request, {});
  if (response.status < 200 || response.status >= 300) {
    std::error_code ec;
    fs::remove(path, ec);
    throw CatalogError("HTTP " + std::to_string(response.status));
  }
}

}  // namespace

fs::path local_path(const CatalogDataset& dataset, const std::string& datakey) {
  const fs::path relative = fs::path(relative_of(dataset, datakey)).lexically_normal();
  if (relative.empty() || relative.is_absolute() || *relative.begin() == ".." || relative.filename().empty())
    throw CatalogError("datakey \"" + datakey + "\" does not name a file inside the output folder");
  return relative;
}

DownloadReport download_files(const aws::S3Client& s3, const CatalogDataset& dataset,
                              const std::vector<registry::IndexRow>& rows, const DownloadOptions& options) {
  DownloadReport report;
  std::mutex mu;
  const auto failures = base::parallel_for(
      rows.size(), {.concurrency = std::max<std::size_t>(1, options.parallel)}, [&](std::size_t i) {
        const auto& row = rows[i];
        try {
          const fs::path path = options.out / local_path(dataset, row.datakey);
          std::error_code ec;
          if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == row.size && !ec) {
            {
              std::scoped_lock lock(mu);
              ++report.skipped;
            }
            if (options.on_file) options.on_file(row.size, true);
            return;
          }
          fs::create_directories(path.parent_path());
          fs::path part = path;
          part += ".part";
          fetch_to(s3, row.datakey, part);
          const auto got = fs::file_size(part);
          if (got != row.size) {
            fs::remove(part, ec);
            throw CatalogError("got " + std::to_string(got) + " bytes, the index says " +
                               std::to_string(row.size));
          }
          fs::rename(part, path);
          {
            std::scoped_lock lock(mu);
            ++report.downloaded;
            report.bytes += got;
          }
          if (options.on_file) options.on_file(got, false);
        } catch (const std::exception& e) {
          std::scoped_lock lock(mu);
          report.failures.push_back({.datakey = row.datakey, .reason = e.what()});
        }
      });
  base::rethrow_first(failures);  // only what escaped the handler above (none expected)
  std::ranges::sort(report.failures, [](const auto& a, const auto& b) { return a.datakey < b.datakey; });
  return report;
}

}  // namespace heliocloud::cloudcatalog
