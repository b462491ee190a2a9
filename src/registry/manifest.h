#pragma once
// Manifest: the provider's list of data files for one dataset (<job>/<id>/manifest.csv). One header line
// names the columns; the original's `time, s3key, filesize` and the CloudCatalog names `start, stop,
// datakey|key, filesize` are both accepted, and further columns are carried into the index files.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "registry/problem.h"
#include "registry/time.h"

namespace heliocloud::registry {

struct ManifestRow {
  std::size_t line = 0;  // where the row starts in the manifest, for later messages
  Instant start;
  Instant stop;               // = start when the manifest has no stop column
  std::string key;            // relative to <job>/<id>/, as uploaded
  std::string published_key;  // `key` with its extension normalized (x.FTS -> x.fits)
  std::string file_type;      // canonical type of the extension
  std::uint64_t size = 0;
  std::vector<std::string> extras;  // values of the extra columns, in header order
};

struct Manifest {
  std::vector<std::string> extra_columns;  // names of the columns after the known ones, in file order
  std::vector<ManifestRow> rows;           // rows without problems, in file order
};

struct ManifestParse {
  Manifest manifest;
  Problems problems;  // every problem of every row; empty = the manifest is usable
};

// Parses and checks a manifest on its own (format, times, sizes, key safety, extensions, start <= stop,
// duplicates). Presence and size of the files are checked against the bucket by the job validator.
[[nodiscard]] ManifestParse parse_manifest(std::string_view text, std::string_view file_name);

}  // namespace heliocloud::registry
