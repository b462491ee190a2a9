#pragma once
// DatasetCatalogs: the catalog.json of each of the instance's Registry dataset buckets (DATASET_BUCKETS),
// read with the function's credentials and kept for a few minutes (the cataloger rewrites it after each
// ingest; a page view need not cost an S3 request). Only configured buckets can be asked for.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "cloudcatalog/catalog_reader.h"

namespace heliocloud::portal {

inline constexpr std::chrono::seconds kCatalogCacheTime{300};

struct FileSummary {
  // In index order (start, stop, key); a row misfiled under a later year than its start comes after the rows
  // it should precede (cloudcatalog::stream_files()).
  std::vector<registry::IndexRow> first_rows;
  std::size_t count = 0;
  std::uint64_t bytes = 0;
  std::size_t index_files_read = 0;  // year files fetched (absent years are not counted)
};

class DatasetCatalogs {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  DatasetCatalogs(std::vector<std::string> buckets, std::shared_ptr<cloudcatalog::ObjectFetcher> fetcher,
                  Clock now = std::chrono::system_clock::now,
                  std::chrono::seconds cache_time = kCatalogCacheTime);

  [[nodiscard]] const std::vector<std::string>& buckets() const noexcept { return buckets_; }
  [[nodiscard]] bool configured(const std::string& bucket) const;

  // The bucket's catalog, from the cache when younger than the cache time. Throws
  // cloudcatalog::CatalogNotFound (nothing published yet), CatalogAccessError, CatalogError (malformed); a
  // failure is not cached. Precondition: configured(bucket).
  [[nodiscard]] std::shared_ptr<const cloudcatalog::CatalogDocument> catalog(const std::string& bucket) const;

  // A dataset's index rows in [start, stop) as its page shows them (never cached: the range varies): the
  // first `max_rows` in index order, and the count and bytes of all. Streamed a year file at a time, so a
  // range over a mission's whole life costs one year file of memory, not every row.
  [[nodiscard]] FileSummary files(const cloudcatalog::CatalogDataset& dataset, const registry::Instant& start,
                                  const registry::Instant& stop, std::size_t max_rows) const;

 private:
  struct Cached {
    std::shared_ptr<const cloudcatalog::CatalogDocument> catalog;
    std::chrono::system_clock::time_point read_at;
  };

  std::vector<std::string> buckets_;
  std::shared_ptr<cloudcatalog::ObjectFetcher> fetcher_;
  Clock now_;
  std::chrono::seconds cache_time_;
  mutable std::mutex mu_;  // a cache: reading through it does not change what it is
  mutable std::map<std::string, Cached> cache_;
};

}  // namespace heliocloud::portal
