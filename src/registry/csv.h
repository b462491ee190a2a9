#pragma once
// RFC 4180 CSV, reading and writing. The original split lines on ',' (cloudcatalog.md §7 #18), so a key with
// a comma broke it; this reader handles quoted fields (with "" escapes and line breaks), CRLF and LF, and
// remembers the line each record starts on so errors can say file:line.
#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace heliocloud::registry {

struct CsvRecord {
  std::size_t line = 0;  // 1-based physical line the record starts on
  std::vector<std::string> fields;
};

class CsvError : public std::runtime_error {
 public:
  CsvError(std::size_t line, const std::string& what) : std::runtime_error(what), line_(line) {}
  [[nodiscard]] std::size_t line() const { return line_; }

 private:
  std::size_t line_;
};

// Pulls one record at a time from text held by the caller (no copy of the whole input).
class CsvReader {
 public:
  explicit CsvReader(std::string_view text);

  // Fills `record` and returns true, or returns false at the end. Blank lines are skipped. Throws CsvError
  // for an unterminated quote or text after a closing quote; the reader then resumes at the next line.
  bool next(CsvRecord& record);

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

// Pulls records from text that arrives in pieces (an object read in ranges): a record is parsed once the text
// holds all of it, so a piece may end anywhere, inside a field or a quoted line break too. Holds the piece in
// hand and the end of the one before, never the whole text.
class CsvStream {
 public:
  // The next piece of the text, or nullopt at its end.
  using Source = std::function<std::optional<std::string>()>;
  explicit CsvStream(Source source);

  // As CsvReader::next.
  bool next(CsvRecord& record);

 private:
  // Appends the next piece; false when there is none.
  bool fill();

  Source source_;
  std::string buffer_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  bool more_ = true;      // the source may have more
  bool started_ = false;  // the byte order mark has been looked for
};

// Appends `field`, quoted only if it contains ',', '"', CR or LF (cloudcatalog.md §8.6: no other quoting).
void append_csv_field(std::string& out, std::string_view field);

}  // namespace heliocloud::registry
