#pragma once
// DatasetRecord: what the dataset store keeps per dataset, and what catalog.json is built from. The entry's
// metadata plus what ingests computed: time range, modification, file types, and two things that must stay
// fixed across ingests for clients to read the index files: the time precision and the extra columns.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "registry/entry.h"
#include "registry/time.h"

namespace heliocloud::registry {

struct DatasetRecord {
  std::string id;
  DatasetLocation index;
  std::string title;
  nlohmann::ordered_json metadata = nlohmann::ordered_json::object();  // as Entry::metadata
  Instant start;                                                       // earliest row start
  Instant stop;                                                        // latest row stop
  Instant modification;                                                // last ingest, UTC
  std::vector<std::string> file_types;                                 // canonical, spec order, unique
  int fraction_digits = 0;                 // time precision of every index file of the dataset
  std::vector<std::string> extra_columns;  // index columns after filesize

  friend bool operator==(const DatasetRecord&, const DatasetRecord&) = default;
};

// What one ingest adds to a dataset.
struct IngestDelta {
  Instant start;
  Instant stop;
  std::vector<std::string> file_types;
  int fraction_digits = 0;
  std::vector<std::string> extra_columns;
};

// The record after an ingest (issue 5, step 4): start = min, stop = max, modification = now, file types =
// union; metadata comes from the entry, the latest description of the dataset.
[[nodiscard]] DatasetRecord apply_ingest(const std::optional<DatasetRecord>& old, const Entry& entry,
                                         const IngestDelta& delta, Instant now);

// Lossless JSON form for the stores (times with 9 digits).
[[nodiscard]] nlohmann::ordered_json to_json(const DatasetRecord& record);
// Throws std::runtime_error naming the field when a stored record is malformed.
[[nodiscard]] DatasetRecord record_from_json(const nlohmann::ordered_json& json);

}  // namespace heliocloud::registry
