#pragma once
// RFC 4180 CSV, reading and writing. The original split lines on ',' (cloudcatalog.md §7 #18), so a key with
// a comma broke it; this reader handles quoted fields (with "" escapes and line breaks), CRLF and LF, and
// remembers the line each record starts on so errors can say file:line.
#include <cstddef>
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

// Appends `field`, quoted only if it contains ',', '"', CR or LF (cloudcatalog.md §8.6: no other quoting).
void append_csv_field(std::string& out, std::string_view field);

}  // namespace heliocloud::registry
