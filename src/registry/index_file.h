#pragma once
// IndexFile: one `<index><id>_<YYYY>.csv`, the per-year list of data files that CloudCatalog clients read.
// Written exactly per cloudcatalog.md §8.5-8.7: header `# start, stop, datakey, filesize[, extras]`, no
// quotes except RFC 4180 quoting, `\n`, no BOM, one time precision, sorted by start.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "registry/entry.h"
#include "registry/time.h"

namespace heliocloud::registry {

struct IndexRow {
  Instant start;
  Instant stop;
  std::string datakey;  // absolute: s3://bucket/key
  std::uint64_t size = 0;
  std::vector<std::string> extras;

  friend bool operator==(const IndexRow&, const IndexRow&) = default;
};

// Rows in index order: start, then stop, then datakey (a total order, so output is reproducible).
[[nodiscard]] bool index_order(const IndexRow& a, const IndexRow& b);

struct IndexFile {
  std::vector<std::string> extra_columns;
  std::vector<IndexRow> rows;
};

class IndexFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads an index file we wrote, or one in the original platform's format (`# startDate, key, size`, values in
// single quotes, `+00:00` times) so that a bucket published by the original is merged, not overwritten.
// Throws IndexFormatError "name:line: what" when the file cannot be understood.
[[nodiscard]] IndexFile parse_index_file(std::string_view text, std::string_view name);

// A row that could not be read: its line and why.
struct IndexLineError {
  std::size_t line = 0;
  std::string message;
};

// As parse_index_file, but a row that cannot be read is added to `bad_rows` and skipped, so one pass reports
// every bad line of a file (the import of an original bucket); `row_lines` gets the line of each row read.
// The header and the CSV syntax still throw.
[[nodiscard]] IndexFile parse_index_file(std::string_view text, std::string_view name,
                                         std::vector<IndexLineError>& bad_rows,
                                         std::vector<std::size_t>& row_lines);

// The file's bytes, rows as given (callers keep them sorted), every time with `fraction_digits` digits.
[[nodiscard]] std::string format_index_file(const IndexFile& file, int fraction_digits);

// "<folder>/<id>_<YYYY>.csv" (cloudcatalog.md §4.1).
[[nodiscard]] std::string index_file_key(const DatasetLocation& location, std::string_view id, int year);

// The year of an index file key of this dataset, or nullopt for any other key.
[[nodiscard]] std::optional<int> index_file_year(const DatasetLocation& location, std::string_view id,
                                                 std::string_view key);

}  // namespace heliocloud::registry
