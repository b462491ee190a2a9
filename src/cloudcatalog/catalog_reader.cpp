#include "cloudcatalog/catalog_reader.h"

#include <algorithm>

#include "cloudcatalog/errors.h"

namespace heliocloud::cloudcatalog {
namespace {

// The last instant before `t` (stop is exclusive: a query ending at midnight of Jan 1 needs no new year).
registry::Instant just_before(const registry::Instant& t) {
  if (t.nanos > 0) return {t.seconds, t.nanos - 1};
  return {t.seconds - std::chrono::seconds(1), 999'999'999};
}

}  // namespace

std::pair<int, int> index_years(const CatalogDataset& dataset, const registry::Instant& start,
                                const registry::Instant& stop) {
  return {std::max(dataset.start.year(), start.year()),
          std::min(dataset.stop.year(), just_before(stop).year())};
}

CatalogDocument load_catalog(ObjectFetcher& fetcher, const CatalogEndpoint& endpoint) {
  const std::string uri = endpoint.catalog_uri();
  const auto body = fetcher.fetch(uri);
  if (!body) throw CatalogNotFound(uri + ": not found: this endpoint publishes no CloudCatalog");
  return parse_catalog(*body, uri);
}

FileListing find_files(ObjectFetcher& fetcher, const CatalogDataset& dataset, const registry::Instant& start,
                       const registry::Instant& stop) {
  if (!(start < stop))
    throw CatalogError("the time range " + registry::format_time(start, 0) + " to " +
                       registry::format_time(stop, 0) + " is empty: start must be before stop");
  FileListing out;
  const auto [first, last] = index_years(dataset, start, stop);
  for (int year = first; year <= last; ++year) {
    const std::string uri = dataset.index_file_uri(year);
    const auto body = fetcher.fetch(uri);
    if (!body) continue;  // a year without data has no file
    out.index_files_read.push_back(uri);
    registry::IndexFile file;
    try {
      file = registry::parse_index_file(*body, uri);
    } catch (const registry::IndexFormatError& e) {
      throw CatalogError(e.what());
    }
    if (out.index_files_read.size() == 1) out.extra_columns = file.extra_columns;
    for (auto& row : file.rows) {
      if (row.stop >= start && row.start < stop) out.rows.push_back(std::move(row));
    }
  }
  std::stable_sort(out.rows.begin(), out.rows.end(), registry::index_order);
  return out;
}

const CatalogDataset& CatalogReader::dataset(std::string_view id) const {
  if (const auto* found = catalog_.find(id)) return *found;
  std::string ids;
  for (const auto& d : catalog_.datasets) ids += (ids.empty() ? "" : ", ") + d.id;
  throw CatalogNotFound(catalog_.source + ": no dataset \"" + std::string(id) +
                        "\" (it has: " + (ids.empty() ? "none" : ids) + ")");
}

}  // namespace heliocloud::cloudcatalog
