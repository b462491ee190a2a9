#include "portal/dataset_catalogs.h"

#include <algorithm>

#include "cloudcatalog/errors.h"

namespace heliocloud::portal {
namespace {

class Summarizer final : public cloudcatalog::FileVisitor {
 public:
  Summarizer(FileSummary& summary, std::size_t max_rows) : summary_(summary), max_rows_(max_rows) {}

  void index_file(const std::string& /*uri*/, const std::vector<std::string>& /*extra_columns*/) override {
    ++summary_.index_files_read;
  }
  void rows(std::vector<registry::IndexRow>& rows) override {
    summary_.count += rows.size();
    for (auto& row : rows) {
      summary_.bytes += row.size;
      if (summary_.first_rows.size() < max_rows_) summary_.first_rows.push_back(std::move(row));
    }
  }
  void out_of_order(const std::string& /*uri*/, std::size_t /*rows*/) override {}  // counted all the same

 private:
  FileSummary& summary_;
  std::size_t max_rows_;
};

}  // namespace

DatasetCatalogs::DatasetCatalogs(std::vector<std::string> buckets,
                                 std::shared_ptr<cloudcatalog::ObjectFetcher> fetcher, Clock now,
                                 std::chrono::seconds cache_time)
    : buckets_(std::move(buckets)),
      fetcher_(std::move(fetcher)),
      now_(std::move(now)),
      cache_time_(cache_time) {}

bool DatasetCatalogs::configured(const std::string& bucket) const {
  return std::ranges::find(buckets_, bucket) != buckets_.end();
}

std::shared_ptr<const cloudcatalog::CatalogDocument> DatasetCatalogs::catalog(
    const std::string& bucket) const {
  const auto now = now_();
  {
    std::scoped_lock lock(mu_);
    const auto it = cache_.find(bucket);
    if (it != cache_.end() && now - it->second.read_at < cache_time_) return it->second.catalog;
  }
  // Read outside the lock: a slow bucket does not hold up pages of the others. Two requests may both read
  // it; the later answer wins, both are current.
  auto doc = std::make_shared<const cloudcatalog::CatalogDocument>(
      cloudcatalog::load_catalog(*fetcher_, cloudcatalog::parse_endpoint("s3://" + bucket + "/")));
  std::scoped_lock lock(mu_);
  cache_[bucket] = {.catalog = doc, .read_at = now};
  return doc;
}

FileSummary DatasetCatalogs::files(const cloudcatalog::CatalogDataset& dataset,
                                   const registry::Instant& start, const registry::Instant& stop,
                                   std::size_t max_rows) const {
  // The function reads with its own role: only from the instance's buckets, whatever a catalog points at.
  const bool inside = std::ranges::any_of(
      buckets_, [&](const std::string& bucket) { return dataset.index.starts_with("s3://" + bucket + "/"); });
  if (!inside)
    throw cloudcatalog::CatalogError(
        "dataset " + dataset.id + ": its index " + dataset.index +
        " is outside this HelioCloud's dataset buckets; the portal does not read it");
  FileSummary summary;
  Summarizer summarizer(summary, max_rows);
  cloudcatalog::stream_files(*fetcher_, dataset, start, stop, summarizer);
  return summary;
}

}  // namespace heliocloud::portal
