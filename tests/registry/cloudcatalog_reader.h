#pragma once
// A reader that behaves like the reference CloudCatalog client 1.1.0 (cloudcatalog.md §3-5), strict where the
// client is strict: it is how the tests check that what we publish is readable. Data comes from an
// ObjectStore (the local-directory store in these tests) in place of boto3.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "registry/csv.h"
#include "registry/object_store.h"
#include "registry/time.h"

namespace heliocloud::registry::test {

struct ClientRow {
  Instant start;
  Instant stop;
  std::string datakey;
  std::uint64_t filesize = 0;
  std::vector<std::string> extras;
};

class CloudCatalogReader {
 public:
  CloudCatalogReader(ObjectStore& store, std::string bucket) : store_(store), bucket_(std::move(bucket)) {
    const auto body = store_.get(bucket_, "catalog.json");
    if (!body) throw std::runtime_error("no catalog.json in " + bucket_);
    catalog_ = nlohmann::json::parse(*body);
    // float(catalog["version"]) — must parse, and >= 0.5 for 4-column indexes.
    if (std::stod(catalog_.at("version").get<std::string>()) < 0.5)
      throw std::runtime_error("legacy version");
    if (catalog_.at("status").at("code").get<int>() == 1400) throw std::runtime_error("UnavailableData");
    for (const auto& e : catalog_.at("catalog")) {
      const auto index = e.at("index").get<std::string>();
      if (!(index.starts_with("s3://") || index.starts_with("http")) || index.back() != '/') {
        throw std::runtime_error("Invalid index " + index);
      }
      (void)e.at("id").get<std::string>();
      (void)e.at("title").get<std::string>();
    }
  }

  [[nodiscard]] const nlohmann::json& catalog() const { return catalog_; }

  [[nodiscard]] const nlohmann::json& entry(const std::string& id) const {
    const nlohmann::json* found = nullptr;
    for (const auto& e : catalog_.at("catalog")) {
      if (e.at("id") == id) {
        if (found != nullptr) throw std::runtime_error("duplicate id " + id);
        found = &e;
      }
    }
    if (found == nullptr) throw std::out_of_range("no dataset " + id);
    return *found;
  }

  // request_cloud_catalog(id, start, stop): the years between, each year file parsed, one time format for all
  // rows, then rows with stop >= q_start and start < q_stop.
  [[nodiscard]] std::vector<ClientRow> request(const std::string& id, const std::string& q_start,
                                               const std::string& q_stop) {
    static const std::regex kQuery(R"(\d{4}-\d{2}-\d{2}T\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?Z)");
    if (!std::regex_match(q_start, kQuery) || !std::regex_match(q_stop, kQuery))
      throw std::invalid_argument("query");
    const auto& e = entry(id);
    // Only the year of the catalog's start/stop is used, parsed from the text without its last character.
    const int cat_start = std::stoi(e.at("start").get<std::string>().substr(0, 4));
    const int cat_stop = std::stoi(e.at("stop").get<std::string>().substr(0, 4));
    const auto qs = parse_time(q_start);
    const auto qe = parse_time(q_stop);
    const auto index = e.at("index").get<std::string>();
    const auto prefix = index.substr(5 + bucket_.size() + 1);  // key of the index folder, ending '/'
    std::vector<std::vector<std::string>> raw;                 // start, stop, datakey, filesize, extras...
    bool any = false;
    for (int year = std::max(cat_start, qs.year()); year <= std::min(cat_stop, qe.year()); ++year) {
      const auto body = store_.get(bucket_, prefix + id + "_" + std::to_string(year) + ".csv");
      if (!body) continue;  // a missing year is skipped silently
      any = true;
      headers_.insert(body->substr(0, body->find('\n')));
      CsvReader reader(*body);
      CsvRecord rec;
      bool header = true;
      while (reader.next(rec)) {
        if (header) {
          header = false;  // pandas always takes line 1 as the header
          continue;
        }
        raw.push_back(rec.fields);
      }
    }
    if (!any) throw std::runtime_error("No objects to concatenate");
    // One of these formats must parse every row of the request, else ValueError.
    static const std::vector<std::regex> kFormats{std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{1,9}Z)"),
                                                  std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"),
                                                  std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\dZ)")};
    bool parsed = false;
    for (const auto& f : kFormats) {
      if (std::ranges::all_of(raw, [&](const auto& r) {
            return std::regex_match(r.at(0), f) && std::regex_match(r.at(1), f);
          })) {
        parsed = true;
        break;
      }
    }
    if (!parsed) throw std::runtime_error("ValueError: times do not share one format");
    std::vector<ClientRow> out;
    for (const auto& r : raw) {
      ClientRow row{.start = parse_time(r.at(0)),
                    .stop = parse_time(r.at(1)),
                    .datakey = r.at(2),
                    .filesize = std::stoull(r.at(3)),
                    .extras = {}};
      row.extras.assign(r.begin() + 4, r.end());
      if (row.stop >= qs && row.start < qe) out.push_back(std::move(row));
    }
    return out;
  }

  // Every header line seen by request() so far.
  [[nodiscard]] const std::set<std::string>& headers() const { return headers_; }

 private:
  ObjectStore& store_;
  std::string bucket_;
  nlohmann::json catalog_;
  std::set<std::string> headers_;
};

}  // namespace heliocloud::registry::test
