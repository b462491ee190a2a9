// GET /datasets (every dataset of the instance's Registry buckets, with a coverage timeline) and
// GET /datasets/{bucket}/{id}?start=…&stop=… (one dataset: its metadata and the index rows in the range).
#include <cstdio>

#include "base/percent_encoding.h"
#include "cloudcatalog/endpoint.h"
#include "cloudcatalog/errors.h"
#include "portal/dataset_catalogs.h"
#include "portal/dataset_range.h"
#include "portal/dataset_timeline.h"
#include "portal/limits.h"
#include "portal/portal_page.h"
#include "web/http_error.h"

namespace heliocloud::portal {
namespace {

using cloudcatalog::CatalogDataset;

constexpr std::size_t kMaxLabelLength = 32;

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

std::string day_of(const registry::Instant& t) {
  return registry::format_time(t, 0).substr(0, 10);
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

std::string dataset_href(const std::string& bucket, const std::string& id) {
  return "/datasets/" + base::percent_encode(bucket) + "/" + base::percent_encode(id);
}

std::string short_label(const std::string& id) {
  if (id.size() <= kMaxLabelLength) return id;
  return id.substr(0, kMaxLabelLength - 1) + "\u2026";
}

// "12.3 MB": sizes as people read them (decimal units, as S3's console shows them).
std::string human_size(std::uint64_t bytes) {
  static const char* const kUnits[] = {"B", "kB", "MB", "GB", "TB", "PB"};
  auto value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1000 && unit + 1 < std::size(kUnits)) {
    value /= 1000;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", value, kUnits[unit]);
  return text;
}

// A catalog that cannot be shown: what the user reads. A malformed catalog's message names the object and
// field (public data); an access failure's words go to the log only.
std::string catalog_problem(const std::exception& e, const PortalPage& page, const std::string& bucket) {
  if (dynamic_cast<const cloudcatalog::CatalogNotFound*>(&e) != nullptr)
    return "Nothing published yet: s3://" + bucket + "/catalog.json does not exist.";
  if (dynamic_cast<const cloudcatalog::CatalogAccessError*>(&e) != nullptr) {
    if (page.kit().log)
      page.kit().log("request " + page.request().request_id + ": reading a catalog failed: " + e.what());
    return "The catalog of s3://" + bucket + " cannot be read just now. Please try again in a minute.";
  }
  return std::string("The catalog is malformed: ") + e.what();
}

nlohmann::json timeline_view(const Timeline& t) {
  nlohmann::json view = {{"width", number(t.width)},         {"height", number(t.height)},
                         {"plot_left", number(t.plot_left)}, {"plot_right", number(t.plot_right)},
                         {"axis_y", number(t.axis_y)},       {"label_x", number(t.plot_left - 6)},
                         {"bars", nlohmann::json::array()},  {"ticks", nlohmann::json::array()}};
  for (const auto& b : t.bars) {
    view["bars"].push_back({{"x", number(b.x)},
                            {"y", number(b.y)},
                            {"width", number(b.width)},
                            {"height", number(b.height)},
                            {"label_x", number(t.plot_left - 6)},
                            {"label_y", number(b.label_y)},
                            {"label", b.label},
                            {"href", b.href},
                            {"title", b.title}});
  }
  for (const auto& tick : t.ticks) {
    view["ticks"].push_back({{"x", number(tick.x)},
                             {"axis_y", number(t.axis_y)},
                             {"label_y", number(t.tick_label_y)},
                             {"year", tick.year}});
  }
  return view;
}

}  // namespace

web::Response datasets_page(const PortalPage& page) {
  const DatasetCatalogs& catalogs = page.kit().datasets;
  nlohmann::json view = {{"title", "Datasets"}, {"buckets", nlohmann::json::array()}};
  std::vector<TimelineItem> items;
  std::size_t count = 0;
  for (const auto& bucket : catalogs.buckets()) {
    nlohmann::json b = {{"bucket", bucket}, {"datasets", nlohmann::json::array()}};
    try {
      const auto catalog = catalogs.catalog(bucket);
      b["name"] = catalog->name;
      b["contact"] = catalog->contact;
      b["description"] = catalog->description;
      for (const auto& d : catalog->datasets) {
        const std::string href = dataset_href(bucket, d.id);
        const std::string coverage = day_of(d.start) + " – " + day_of(d.stop);
        b["datasets"].push_back({{"id", d.id},
                                 {"title", d.title},
                                 {"href", href},
                                 {"start", day_of(d.start)},
                                 {"stop", day_of(d.stop)},
                                 {"file_types", join(d.file_types, ", ")}});
        items.push_back({.label = short_label(d.id),
                         .start = d.start,
                         .stop = d.stop,
                         .href = href,
                         .title = d.id + ": " + coverage});
        ++count;
      }
    } catch (const cloudcatalog::CatalogError& e) {
      b["problem"] = catalog_problem(e, page, bucket);
    }
    view["buckets"].push_back(std::move(b));
  }
  view["dataset_count"] = count;
  view["no_buckets"] = catalogs.buckets().empty();
  if (!items.empty()) view["timeline"] = timeline_view(layout_timeline(items));
  return page.render("datasets", view);
}

web::Response dataset_page(const PortalPage& page) {
  const DatasetCatalogs& catalogs = page.kit().datasets;
  const std::string bucket = page.request().path_params.get("bucket").value_or("");
  const std::string id = page.request().path_params.get("id").value_or("");
  if (!catalogs.configured(bucket))
    throw web::HttpError(404,
                         "No dataset bucket " + bucket + " in this HelioCloud; see the list of datasets.");
  std::shared_ptr<const cloudcatalog::CatalogDocument> catalog;
  try {
    catalog = catalogs.catalog(bucket);
  } catch (const cloudcatalog::CatalogNotFound& e) {
    throw web::HttpError(404, catalog_problem(e, page, bucket));
  } catch (const cloudcatalog::CatalogError& e) {
    throw web::HttpError(502, catalog_problem(e, page, bucket));
  }
  const CatalogDataset* dataset = catalog->find(id);
  if (dataset == nullptr)
    throw web::HttpError(404, "No dataset " + id + " in s3://" + bucket + "/catalog.json.");

  const auto& query = page.request().query;
  const DatasetRange range = choose_range(query.get("start"), query.get("stop"), dataset->stop);
  nlohmann::json view = {{"title", dataset->id},
                         {"bucket", bucket},
                         {"id", dataset->id},
                         {"dataset_title", dataset->title},
                         {"index", dataset->index},
                         {"coverage_start", registry::format_time(dataset->start, 0)},
                         {"coverage_stop", registry::format_time(dataset->stop, 0)},
                         {"file_types", join(dataset->file_types, ", ")},
                         {"start", range.start_text},
                         {"stop", range.stop_text},
                         {"metadata", nlohmann::json::array()},
                         {"files", nlohmann::json::array()}};
  if (dataset->modification) view["modification"] = registry::format_time(*dataset->modification, 0);
  for (const auto& [key, value] : dataset->entry.items()) {
    if (key == "id" || key == "title" || key == "index" || key == "start" || key == "stop" ||
        key == "modification" || key == "filetype")
      continue;
    const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    const bool link = value.is_string() && (text.starts_with("https://") || text.starts_with("http://"));
    view["metadata"].push_back({{"key", key}, {"value", text}, {"link", link}});
  }
  if (!range.ok()) {
    if (!range.start_error.empty()) view["start_error"] = range.start_error;
    if (!range.stop_error.empty()) view["stop_error"] = range.stop_error;
    return page.render("dataset", view, 400);
  }
  FileSummary listing;
  try {
    listing = catalogs.files(*dataset, range.start, range.stop, kMaxDatasetRows);
  } catch (const cloudcatalog::CatalogAccessError& e) {
    throw web::HttpError(503, catalog_problem(e, page, bucket));
  } catch (const cloudcatalog::CatalogError& e) {
    throw web::HttpError(502, std::string("The dataset's index is malformed: ") + e.what());
  }
  for (const auto& row : listing.first_rows) {
    const auto slash = row.datakey.rfind('/');
    view["files"].push_back(
        {{"start", registry::format_time(row.start, 0)},
         {"stop", registry::format_time(row.stop, 0)},
         {"name", slash == std::string::npos ? row.datakey : row.datakey.substr(slash + 1)},
         {"url", cloudcatalog::public_url(row.datakey)},
         {"key", row.datakey},
         {"size", human_size(row.size)}});
  }
  view["file_count"] = listing.count;
  view["total_size"] = human_size(listing.bytes);
  view["index_files_read"] = listing.index_files_read;
  if (listing.count > listing.first_rows.size()) {
    view["capped"] = "Showing the first " + std::to_string(listing.first_rows.size()) + " of " +
                     std::to_string(listing.count) + " files; choose a shorter range to see the others.";
  }
  return page.render("dataset", view);
}

}  // namespace heliocloud::portal
