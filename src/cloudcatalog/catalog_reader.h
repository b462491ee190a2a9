#pragma once
// CatalogReader: the query a CloudCatalog client makes (cloudcatalog.md §5.2): catalog.json of an endpoint,
// then, for one dataset, the index files of only the years that can hold rows in [start, stop), and the rows
// whose time range overlaps it. Index files are parsed by the registry's own reader (registry/index_file.h),
// which also reads the original platform's format.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cloudcatalog/catalog_document.h"
#include "cloudcatalog/endpoint.h"
#include "cloudcatalog/object_fetcher.h"
#include "registry/index_file.h"
#include "registry/time.h"

namespace heliocloud::cloudcatalog {

struct FileListing {
  std::vector<std::string> extra_columns;     // index columns after filesize (of the first file read)
  std::vector<registry::IndexRow> rows;       // in index order, start then stop then datakey
  std::vector<std::string> index_files_read;  // the addresses fetched (absent years are not listed)
};

// The years whose index files are read for [start, stop): from max(dataset start year, start year) to
// min(dataset stop year, year of the last instant before stop). first > last means none. Like the reference
// client, a file is found under its start year only (a file that starts in an earlier year is not returned).
[[nodiscard]] std::pair<int, int> index_years(const CatalogDataset& dataset, const registry::Instant& start,
                                              const registry::Instant& stop);

// Throws CatalogNotFound when the endpoint has no catalog.json, CatalogError when it is malformed.
[[nodiscard]] CatalogDocument load_catalog(ObjectFetcher& fetcher, const CatalogEndpoint& endpoint);

// Rows with stop >= start and start < stop (the client's filter), from the years index_years() gives; a
// missing year file is skipped. Throws CatalogError "address:line: what" for a malformed index file, and
// for stop <= start.
[[nodiscard]] FileListing find_files(ObjectFetcher& fetcher, const CatalogDataset& dataset,
                                     const registry::Instant& start, const registry::Instant& stop);

class CatalogReader {
 public:
  CatalogReader(ObjectFetcher& fetcher, const CatalogEndpoint& endpoint)
      : fetcher_(fetcher), catalog_(load_catalog(fetcher, endpoint)) {}

  [[nodiscard]] const CatalogDocument& catalog() const noexcept { return catalog_; }
  // Throws CatalogNotFound naming the ids the catalog has.
  [[nodiscard]] const CatalogDataset& dataset(std::string_view id) const;
  [[nodiscard]] FileListing files(std::string_view id, const registry::Instant& start,
                                  const registry::Instant& stop) const {
    return find_files(fetcher_, dataset(id), start, stop);
  }

 private:
  ObjectFetcher& fetcher_;
  CatalogDocument catalog_;
};

}  // namespace heliocloud::cloudcatalog
