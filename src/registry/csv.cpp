#include "registry/csv.h"

namespace heliocloud::registry {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

enum class Parsed { Record, End, Incomplete };

// Parses the record at `pos` of `text` into `record`, moving `pos` and `line` past it. When `more` text may
// follow `text`, a record that reaches the end of `text` may go on in it: Incomplete, and `pos` and `line`
// are left as they were. Throws CsvError as CsvReader::next, `pos` and `line` then at the next line.
Parsed parse_record(std::string_view text, std::size_t& pos_io, std::size_t& line_io, CsvRecord& record,
                    bool more) {
  auto pos = pos_io;
  auto line = line_io;
  // Skip blank lines (a trailing newline, an empty line between rows).
  while (pos < text.size() && (text[pos] == '\n' || text[pos] == '\r')) {
    if (text[pos] == '\n') ++line;
    ++pos;
  }
  if (pos >= text.size()) {
    if (more) return Parsed::Incomplete;
    pos_io = pos;
    line_io = line;
    return Parsed::End;
  }

  record.line = line;
  record.fields.clear();
  std::string field;
  bool quoted = false;      // inside "..."
  bool was_quoted = false;  // the current field started with a quote
  // After an error: on to the end of the line, which must be in `text` (or the text ends).
  const auto fail = [&](std::size_t at_line, const char* what) {
    while (pos < text.size() && text[pos] != '\n') ++pos;
    if (pos >= text.size() && more) return Parsed::Incomplete;
    pos_io = pos;
    line_io = line;
    throw CsvError(at_line, what);
  };

  while (pos < text.size()) {
    const char c = text[pos];
    if (quoted) {
      if (c == '"') {
        if (pos + 1 >= text.size() && more) return Parsed::Incomplete;  // "" or the closing quote?
        if (pos + 1 < text.size() && text[pos + 1] == '"') {
          field += '"';
          pos += 2;
          continue;
        }
        quoted = false;
        ++pos;
        // After a closing quote only a separator or the end of the record may follow.
        if (pos < text.size() && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r') {
          return fail(line, "text after a closing quote (inside a quoted field write \"\" for a quote)");
        }
        continue;
      }
      if (c == '\n') ++line;
      field += c;
      ++pos;
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      // Only a field that starts with a quote is quoted; spaces before it make it a plain field.
      quoted = true;
      was_quoted = true;
      ++pos;
      continue;
    }
    if (c == ',') {
      record.fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      ++pos;
      continue;
    }
    if (c == '\r' && (pos + 1 >= text.size() || text[pos + 1] == '\n')) {
      ++pos;  // the CR of a CRLF
      continue;
    }
    if (c == '\n') {
      ++pos;
      ++line;
      record.fields.push_back(std::move(field));
      pos_io = pos;
      line_io = line;
      return Parsed::Record;
    }
    field += c;
    ++pos;
  }
  if (more) return Parsed::Incomplete;
  pos_io = pos;
  line_io = line;
  if (quoted) throw CsvError(record.line, "a quoted field is not closed before the end of the file");
  record.fields.push_back(std::move(field));
  return Parsed::Record;
}

}  // namespace

CsvReader::CsvReader(std::string_view text) : text_(text) {
  // A UTF-8 byte order mark is not part of the first header name.
  if (text_.starts_with(kByteOrderMark)) pos_ = kByteOrderMark.size();
}

bool CsvReader::next(CsvRecord& record) {
  return parse_record(text_, pos_, line_, record, false) == Parsed::Record;
}

CsvStream::CsvStream(Source source) : source_(std::move(source)) {}

bool CsvStream::fill() {
  if (!more_) return false;
  auto piece = source_();
  if (!piece) {
    more_ = false;
    return false;
  }
  // Drop what is parsed; keep the record begun at the end of the last piece.
  buffer_.erase(0, pos_);
  pos_ = 0;
  buffer_ += *piece;
  return true;
}

bool CsvStream::next(CsvRecord& record) {
  if (!started_) {
    while (buffer_.size() < kByteOrderMark.size() && fill()) {
    }
    if (buffer_.starts_with(kByteOrderMark)) pos_ = kByteOrderMark.size();
    started_ = true;
  }
  while (true) {
    const auto parsed = parse_record(buffer_, pos_, line_, record, more_);
    if (parsed != Parsed::Incomplete) return parsed == Parsed::Record;
    fill();
  }
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
