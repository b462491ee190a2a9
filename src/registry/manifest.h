#pragma once
// Manifest: the provider's list of data files for one dataset (<job>/<id>/manifest.csv). One header line
// names the columns; the original's `time, s3key, filesize` and the CloudCatalog names `start, stop,
// datakey|key, filesize` are both accepted, and further columns are carried into the index files.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "registry/csv.h"
#include "registry/key_hashes.h"
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

// Reads a manifest a row at a time and checks each row on its own (format, times, sizes, key safety,
// extensions, start <= stop). The text may arrive in pieces (ObjectReader), so a manifest of a million rows
// is read in a few MB. Duplicates take two reads: the first adds every row's published key to a
// DuplicateKeys; if that finds suspects, a second reader given them reports every problem again, the
// duplicates among them.
class ManifestReader {
 public:
  ManifestReader(CsvStream::Source source, std::string file_name, const DuplicateKeys* suspects = nullptr);

  // The next row without problems; false at the end. Problems of the rows passed over are kept, in line
  // order, for take_problems(); so are those of the manifest as a whole (empty, no rows, bad header).
  [[nodiscard]] bool next(ManifestRow& row);
  // Passes over up to `count` rows without checking them (a manifest already validated, read again from its
  // start to resume after the rows done); returns how many it passed.
  std::size_t skip(std::size_t count);

  // Names of the columns after the known ones, in file order (known once the header is read).
  [[nodiscard]] const std::vector<std::string>& extra_columns() const { return extra_columns_; }
  [[nodiscard]] const Problems& problems() const { return problems_; }
  [[nodiscard]] Problems take_problems();

 private:
  struct Columns {
    std::optional<std::size_t> start, stop, key, size;
    std::vector<std::size_t> extras;
    std::size_t width = 0;
  };
  struct Seen {
    std::size_t line;
    std::string key;
  };

  // The next CSV record (problems of broken ones noted); false at the end.
  bool next_record(CsvRecord& record);
  // The next record that is a row: the header is read on the way, blank lines passed over.
  bool next_row_record(CsvRecord& record);
  bool read_header(const CsvRecord& record);
  bool read_row(const CsvRecord& record, ManifestRow& row);
  void problem(std::size_t line, std::string message, std::string fix);
  static std::string joined(const std::vector<std::string>& fields);
  static bool is_blank(const CsvRecord& record);

  CsvStream csv_;
  std::string file_;
  const DuplicateKeys* suspects_;
  Columns columns_;
  std::vector<std::string> extra_columns_;
  Problems problems_;                           // the first kMaxListedProblems
  std::size_t unlisted_ = 0;                    // problems beyond those
  std::unordered_map<std::string, Seen> seen_;  // published key -> first row, for suspect keys only
  std::size_t rows_ = 0;
  bool have_header_ = false;
  bool header_ok_ = false;
  bool ended_ = false;
};

// Parses and checks a manifest on its own (format, times, sizes, key safety, extensions, start <= stop,
// duplicates). Presence and size of the files are checked against the bucket by the job validator.
[[nodiscard]] ManifestParse parse_manifest(std::string_view text, std::string_view file_name);

}  // namespace heliocloud::registry
