#pragma once
// CatalogDocument: a catalog.json as a CloudCatalog 1.x client reads it (cloudcatalog.md §3). The reader is
// as strict as the reference client where the client would fail later (version, status, id, index, title,
// start, stop) and tolerant where the client is (optional keys, the original's extra keys), so a catalog it
// accepts is one the Python client can use.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry/time.h"

namespace heliocloud::cloudcatalog {

struct CatalogDataset {
  std::string id;
  std::string index;  // absolute s3:// or http(s):// folder, ending '/'
  std::string title;
  registry::Instant start;
  registry::Instant stop;
  std::optional<registry::Instant> modification;
  std::vector<std::string> file_types;  // `filetype` split at commas; empty when the entry has none
  std::string index_type = "csv";
  nlohmann::ordered_json entry;  // the entry as published (every key, for display)

  // "<index><id>_<year>.csv" (cloudcatalog.md §4.1).
  [[nodiscard]] std::string index_file_uri(int year) const;
};

struct CatalogDocument {
  std::string source;   // where it was read from (the catalog.json address), for messages
  std::string version;  // "1.1"; the original's `Cloudy` key is read when present, as the client does
  std::string name;
  std::string contact;
  std::string description;
  std::string egress;
  int status_code = 1200;
  std::string status_message;
  std::vector<CatalogDataset> datasets;  // in the catalog's order

  // nullptr when the catalog has no dataset of that id.
  [[nodiscard]] const CatalogDataset* find(std::string_view id) const;
};

// Parses catalog.json. `source` names it in messages. Throws CatalogError "source: where: what" for bad JSON
// (with its line), a version below 0.5 or not a number, a status that is not {"code": ...} or is 1400
// (temporarily unavailable), and an entry without id/index/title/start/stop or with an invalid one, or a
// duplicate id.
[[nodiscard]] CatalogDocument parse_catalog(std::string_view text, std::string_view source);

}  // namespace heliocloud::cloudcatalog
