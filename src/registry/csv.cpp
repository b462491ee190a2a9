#include "registry/csv.h"

namespace heliocloud::registry {

CsvReader::CsvReader(std::string_view text) : text_(text) {
  // A UTF-8 byte order mark is not part of the first header name.
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool CsvReader::next(CsvRecord& record) {
  // Skip blank lines (a trailing newline, an empty line between rows).
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;

  record.line = line_;
  record.fields.clear();
  std::string field;
  bool quoted = false;      // inside "..."
  bool was_quoted = false;  // the current field started with a quote
  const auto skip_rest_of_line = [&] {
    while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
  };

  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (quoted) {
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field += '"';
          pos_ += 2;
          continue;
        }
        quoted = false;
        ++pos_;
        // After a closing quote only a separator or the end of the record may follow.
        if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
          const auto line = line_;
          skip_rest_of_line();
          throw CsvError(line, "text after a closing quote (inside a quoted field write \"\" for a quote)");
        }
        continue;
      }
      if (c == '\n') ++line_;
      field += c;
      ++pos_;
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      // Only a field that starts with a quote is quoted; spaces before it make it a plain field.
      quoted = true;
      was_quoted = true;
      ++pos_;
      continue;
    }
    if (c == ',') {
      record.fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      ++pos_;
      continue;
    }
    if (c == '\r' && (pos_ + 1 >= text_.size() || text_[pos_ + 1] == '\n')) {
      ++pos_;  // the CR of a CRLF
      continue;
    }
    if (c == '\n') {
      ++pos_;
      ++line_;
      record.fields.push_back(std::move(field));
      return true;
    }
    field += c;
    ++pos_;
  }
  if (quoted) throw CsvError(record.line, "a quoted field is not closed before the end of the file");
  record.fields.push_back(std::move(field));
  return true;
}

void append_csv_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace heliocloud::registry
