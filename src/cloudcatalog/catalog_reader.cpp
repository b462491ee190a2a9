#include "cloudcatalog/catalog_reader.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <optional>

#include "cloudcatalog/errors.h"

namespace heliocloud::cloudcatalog {
namespace {

// The last instant before `t` (stop is exclusive: a query ending at midnight of Jan 1 needs no new year).
registry::Instant just_before(const registry::Instant& t) {
  if (t.nanos > 0) return {.seconds = t.seconds, .nanos = t.nanos - 1};
  return {.seconds = t.seconds - std::chrono::seconds(1), .nanos = 999'999'999};
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

void stream_files(ObjectFetcher& fetcher, const CatalogDataset& dataset, const registry::Instant& start,
                  const registry::Instant& stop, FileVisitor& visitor) {
  if (!(start < stop))
    throw CatalogError("the time range " + registry::format_time(start, 0) + " to " +
                       registry::format_time(stop, 0) + " is empty: start must be before stop");
  std::vector<registry::IndexRow> held;    // rows filed under an earlier year than their start, sorted
  std::optional<registry::IndexRow> last;  // the last row handed over
  const auto hand_over = [&](std::vector<registry::IndexRow>& ready, const std::string& uri) {
    if (ready.empty()) return;
    if (last && registry::index_order(ready.front(), *last)) {
      const auto before = std::ranges::partition_point(
          ready, [&](const registry::IndexRow& r) { return registry::index_order(r, *last); });
      visitor.out_of_order(uri, static_cast<std::size_t>(before - ready.begin()));
    }
    last = ready.back();
    visitor.rows(ready);
  };
  const auto [first, last_year] = index_years(dataset, start, stop);
  std::string uri;  // the last index file read
  for (int year = first; year <= last_year; ++year) {
    const std::string year_uri = dataset.index_file_uri(year);
    auto body = fetcher.fetch(year_uri);
    if (!body) continue;  // a year without data has no file
    uri = year_uri;
    registry::IndexFile file;
    try {
      file = registry::parse_index_file(*body, uri);
    } catch (const registry::IndexFormatError& e) {
      throw CatalogError(e.what());
    }
    body.reset();
    visitor.index_file(uri, file.extra_columns);
    auto& rows = file.rows;
    std::erase_if(rows, [&](const registry::IndexRow& r) { return !(r.stop >= start && r.start < stop); });
    if (!std::ranges::is_sorted(rows, registry::index_order))
      std::ranges::stable_sort(rows, registry::index_order);
    // Rows of a later year wait for that year's rows; held rows of this year join this file's. On equal
    // rows, the earlier file's comes first, as in one stable sort of all the files.
    const registry::Instant next_year{.seconds = std::chrono::sys_days(std::chrono::year(year + 1) / 1 / 1),
                                      .nanos = 0};
    const auto starts_this_year = [&](const registry::IndexRow& r) { return r.start < next_year; };
    const auto later = std::ranges::partition_point(rows, starts_this_year);
    const auto due = std::ranges::partition_point(held, starts_this_year);
    if (later != rows.end() || due != held.begin()) {
      std::vector<registry::IndexRow> ready;
      ready.reserve(static_cast<std::size_t>((due - held.begin()) + (later - rows.begin())));
      std::merge(std::make_move_iterator(held.begin()), std::make_move_iterator(due),
                 std::make_move_iterator(rows.begin()), std::make_move_iterator(later),
                 std::back_inserter(ready), registry::index_order);
      std::vector<registry::IndexRow> still_held;
      std::merge(std::make_move_iterator(due), std::make_move_iterator(held.end()),
                 std::make_move_iterator(later), std::make_move_iterator(rows.end()),
                 std::back_inserter(still_held), registry::index_order);
      held = std::move(still_held);
      rows = std::move(ready);
    }
    hand_over(rows, uri);
  }
  hand_over(held, uri);
}

namespace {

// Every row, for callers that want them all at once.
class Gatherer final : public FileVisitor {
 public:
  explicit Gatherer(FileListing& out) : out_(out) {}
  void index_file(const std::string& uri, const std::vector<std::string>& extra_columns) override {
    if (out_.index_files_read.empty()) out_.extra_columns = extra_columns;
    out_.index_files_read.push_back(uri);
  }
  void rows(std::vector<registry::IndexRow>& rows) override {
    out_.rows.insert(out_.rows.end(), std::make_move_iterator(rows.begin()),
                     std::make_move_iterator(rows.end()));
  }
  void out_of_order(const std::string& /*uri*/, std::size_t /*rows*/) override { sort_ = true; }
  [[nodiscard]] bool needs_sort() const noexcept { return sort_; }

 private:
  FileListing& out_;
  bool sort_ = false;
};

}  // namespace

FileListing find_files(ObjectFetcher& fetcher, const CatalogDataset& dataset, const registry::Instant& start,
                       const registry::Instant& stop) {
  FileListing out;
  Gatherer gatherer(out);
  stream_files(fetcher, dataset, start, stop, gatherer);
  // Rows arrive in order unless a year file holds rows of an earlier year; all of them in hand, those go
  // in their place too.
  if (gatherer.needs_sort()) std::ranges::stable_sort(out.rows, registry::index_order);
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
