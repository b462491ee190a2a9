#pragma once
// ListingWriter: a dataset's index rows written as `heliocloud files` prints them (a table, the index-file
// CSV, or a JSON array), as they are read (stream_files): one year file's rows at a time, so printing a
// million rows takes the memory of one year file, not of the million.
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "cloudcatalog/catalog_reader.h"

namespace heliocloud::cloudcatalog {

enum class ListingFormat {
  Table,  // start  stop  size  datakey
  Csv,    // exactly the index-file format, so the output is itself a CloudCatalog index
  Json,   // an array of {"start", "stop", "datakey", "filesize", extra columns...}
};

class ListingWriter final : public FileVisitor {
 public:
  ListingWriter(std::ostream& out, ListingFormat format) : out_(out), format_(format) {}

  void index_file(const std::string& uri, const std::vector<std::string>& extra_columns) override;
  void rows(std::vector<registry::IndexRow>& rows) override;
  void out_of_order(const std::string& uri, std::size_t rows) override;
  // Ends the output (the CSV header of an empty listing, the JSON array's bracket) and flushes it.
  void finish();

  [[nodiscard]] std::size_t row_count() const noexcept { return row_count_; }
  [[nodiscard]] std::uint64_t bytes() const noexcept { return bytes_; }
  [[nodiscard]] std::size_t index_files_read() const noexcept { return index_files_; }
  // What differs from a listing sorted and printed at once (misfiled rows, a rise in precision), one line
  // each, naming the index file; empty for an index written as the spec says.
  [[nodiscard]] const std::vector<std::string>& notes() const noexcept { return notes_; }

 private:
  void write_header();
  void append_json_row(const registry::IndexRow& row);
  void flush_if_full();
  void write_buffer();

  std::ostream& out_;
  ListingFormat format_;
  std::string buffer_;
  std::string uri_;                         // the index file read last
  std::vector<std::string> extra_columns_;  // of the first index file read
  // Times are written with the fewest fraction digits the first rows need; a later year that needs more
  // raises it from there on (never losing a digit) and leaves a note.
  int digits_ = -1;
  bool header_written_ = false;
  std::size_t row_count_ = 0;
  std::uint64_t bytes_ = 0;
  std::size_t index_files_ = 0;
  std::vector<std::string> notes_;
};

}  // namespace heliocloud::cloudcatalog
