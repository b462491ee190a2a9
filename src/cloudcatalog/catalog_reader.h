#pragma once
// CatalogReader: the query a CloudCatalog client makes (cloudcatalog.md §5.2): catalog.json of an endpoint,
// then, for one dataset, the index files of only the years that can hold rows in [start, stop), and the rows
// whose time range overlaps it. Index files are parsed by the registry's own reader (registry/index_file.h),
// which also reads the original platform's format.
#include <cstddef>
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

// What stream_files() hands over, in this order per year file read: index_file(), then rows() with the
// rows that are ready. Rows arrive in index order over the whole stream (start, then stop, then datakey),
// except where out_of_order() says otherwise (see stream_files()).
class FileVisitor {
 public:
  virtual ~FileVisitor() = default;
  // An index file was read; `extra_columns` are its columns after filesize.
  virtual void index_file(const std::string& uri, const std::vector<std::string>& extra_columns) = 0;
  // The next rows in range, in index order; never empty. The visitor may move them away.
  virtual void rows(std::vector<registry::IndexRow>& rows) = 0;
  // Rows of `uri` that sort before rows already handed over; they come next (see stream_files()).
  virtual void out_of_order(const std::string& uri, std::size_t rows) = 0;
};

// Rows with stop >= start and start < stop (the client's filter), from the years index_years() gives; a
// missing year file is skipped. One year file is held at a time: its rows in range are sorted and handed
// over before the next year is read, so memory follows the largest year file, not the range. Each file's
// rows starting in a later year (the spec puts a row under its start year, so only a misfiled row does)
// are kept back and merged in their place. A row that sorts before rows already handed over (filed under a
// later year than its start) cannot be put back in its place: out_of_order() says so and the row follows
// them. Throws CatalogError "address:line: what" for a malformed index file, and for stop <= start.
void stream_files(ObjectFetcher& fetcher, const CatalogDataset& dataset, const registry::Instant& start,
                  const registry::Instant& stop, FileVisitor& visitor);

// stream_files() gathered: every row in range, sorted (also misfiled ones).
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
  void stream(std::string_view id, const registry::Instant& start, const registry::Instant& stop,
              FileVisitor& visitor) const {
    stream_files(fetcher_, dataset(id), start, stop, visitor);
  }

 private:
  ObjectFetcher& fetcher_;
  CatalogDocument catalog_;
};

}  // namespace heliocloud::cloudcatalog
