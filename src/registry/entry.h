#pragma once
// Entry: one dataset as a data provider describes it in the job's entries.json (issue 5, "Ingest job").
// Accepts the original's spellings (dataset_id, about_url) and keeps keys we do not know, so they reach
// catalog.json as they were given.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry/problem.h"

namespace heliocloud::registry {

// Where a dataset lives: s3://<bucket>/<folder>/. Data files go under the folder, as do the index files.
struct DatasetLocation {
  std::string bucket;
  std::string folder;  // no leading or trailing '/', never empty

  [[nodiscard]] std::string uri() const { return "s3://" + bucket + "/" + folder + "/"; }
  [[nodiscard]] std::string key(std::string_view relative) const {
    return folder + "/" + std::string(relative);
  }
  friend bool operator==(const DatasetLocation&, const DatasetLocation&) = default;
};

struct Entry {
  std::string id;
  DatasetLocation index;
  std::string title;
  // The optional spec keys (description, resource, creation, expiration, verified, citation, contact, about,
  // multiyear, tags) in their published form, then unknown keys as given. Never holds nulls.
  nlohmann::ordered_json metadata = nlohmann::ordered_json::object();
};

// One element of entries.json with what was wrong with it. `source` is the element exactly as uploaded, so a
// failed ingest can write it back to entries.json unchanged.
struct ParsedEntry {
  std::size_t position = 0;  // 0-based index in the array
  nlohmann::ordered_json source;
  std::optional<Entry> entry;  // set when `problems` is empty
  Problems problems;

  // "MMS", or "#2" when the entry has no usable id.
  [[nodiscard]] std::string label() const;
};

struct EntriesFile {
  std::vector<ParsedEntry> entries;
  Problems problems;  // problems with the file as a whole (not JSON, not an array, empty)

  [[nodiscard]] bool ok() const;
  [[nodiscard]] Problems all_problems() const;
};

// Parses entries.json. `file_name` is used in messages. `dataset_buckets` are the instance's dataset
// buckets; every index must be in one of them (empty = accept any bucket, for `heliocloud validate` run
// by a provider who does not know them).
[[nodiscard]] EntriesFile parse_entries(std::string_view text, std::string_view file_name,
                                        const std::vector<std::string>& dataset_buckets);

// Parses "s3://bucket/folder[/]"; the error says what is wrong.
[[nodiscard]] std::optional<DatasetLocation> parse_dataset_location(std::string_view uri, std::string* error);

// Keys the registry computes from the data; a value for them in entries.json is ignored.
[[nodiscard]] bool is_computed_key(std::string_view key);

}  // namespace heliocloud::registry
