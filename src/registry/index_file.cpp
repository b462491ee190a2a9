#include "registry/index_file.h"

#include <cstdio>
#include <tuple>

#include "base/text.h"
#include "registry/csv.h"
#include "registry/text.h"

namespace heliocloud::registry {

namespace {

// The original wrote every value as '...' (cloudcatalog.md §7 #3).
std::string_view unquote_single(std::string_view s) {
  s = base::trim(s, base::kBlanks);
  if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') return s.substr(1, s.size() - 2);
  return s;
}

std::string column_name(std::string_view raw) {
  auto s = base::trim(raw, base::kBlanks);
  while (!s.empty() && s.front() == '#') s = base::trim(s.substr(1), base::kBlanks);
  return std::string(s);
}

}  // namespace

bool index_order(const IndexRow& a, const IndexRow& b) {
  return std::tie(a.start, a.stop, a.datakey) < std::tie(b.start, b.stop, b.datakey);
}

namespace {

// Reads the file; with `bad_rows` a row that cannot be read is recorded there and skipped, without it the
// first such row throws.
IndexFile parse_rows(std::string_view text, std::string_view name, std::vector<IndexLineError>* bad_rows,
                     std::vector<std::size_t>* row_lines) {
  const auto fail = [&](std::size_t line, const std::string& why) -> IndexFormatError {
    return IndexFormatError(std::string(name) + ":" + std::to_string(line) + ": " + why);
  };
  const auto bad_row = [&](std::size_t line, const std::string& why) {
    if (bad_rows == nullptr) throw fail(line, why);
    bad_rows->push_back({.line = line, .message = why});
  };
  IndexFile out;
  CsvReader reader(text);
  CsvRecord record;
  std::optional<std::size_t> start, stop, key, size;
  std::vector<std::size_t> extras;
  std::size_t width = 0;
  bool header = false;
  while (true) {
    try {
      if (!reader.next(record)) break;
    } catch (const CsvError& e) {
      throw fail(e.line(), e.what());
    }
    if (!header) {
      header = true;
      width = record.fields.size();
      for (std::size_t i = 0; i < width; ++i) {
        const auto col = column_name(record.fields[i]);
        const auto lower = base::to_lower(col);
        if (lower == "start" || lower == "startdate") {
          start = i;
        } else if (lower == "stop") {
          stop = i;
        } else if (lower == "datakey" || lower == "key") {
          key = i;
        } else if (lower == "filesize" || lower == "size") {
          size = i;
        } else {
          // The header is written back unquoted (cloudcatalog.md §8.6), so a name must survive that: found by
          // fuzz/registry_index_file_fuzz, whose empty and quoted names came back as different columns.
          if (col.empty())
            throw fail(record.line, "column " + std::to_string(i + 1) + " of the header has no name");
          if (col.find_first_of(",\"\r\n") != std::string::npos)
            throw fail(record.line, "column name \"" + col + "\" contains a comma, quote or line break");
          extras.push_back(i);
          out.extra_columns.push_back(col);
        }
      }
      if (!start || !key || !size) {
        throw fail(record.line, "the header does not name start, datakey and filesize columns");
      }
      continue;
    }
    if (record.fields.size() != width) {
      bad_row(record.line, "the row has " + std::to_string(record.fields.size()) + " fields, the header " +
                               std::to_string(width));
      continue;
    }
    IndexRow row;
    try {
      row.start = parse_time(unquote_single(record.fields[*start]));
      row.stop = stop ? parse_time(unquote_single(record.fields[*stop])) : row.start;
    } catch (const TimeError& e) {
      bad_row(record.line, e.what());
      continue;
    }
    row.datakey = std::string(unquote_single(record.fields[*key]));
    const auto parsed = text::parse_size(unquote_single(record.fields[*size]));
    if (!parsed) {
      bad_row(record.line, "filesize is not a whole number");
      continue;
    }
    row.size = *parsed;
    for (const auto i : extras) row.extras.push_back(record.fields[i]);
    out.rows.push_back(std::move(row));
    if (row_lines != nullptr) row_lines->push_back(record.line);
  }
  if (!header) throw fail(1, "the file is empty (an index file always has a header line)");
  return out;
}

}  // namespace

IndexFile parse_index_file(std::string_view text, std::string_view name) {
  return parse_rows(text, name, nullptr, nullptr);
}

IndexFile parse_index_file(std::string_view text, std::string_view name,
                           std::vector<IndexLineError>& bad_rows, std::vector<std::size_t>& row_lines) {
  return parse_rows(text, name, &bad_rows, &row_lines);
}

std::string format_index_file(const IndexFile& file, int fraction_digits) {
  std::string out = "# start, stop, datakey, filesize";
  for (const auto& name : file.extra_columns) {
    out += ", ";
    out += name;
  }
  out += '\n';
  out.reserve(out.size() +
              (file.rows.size() * (file.rows.empty() ? 0 : 64 + file.rows.front().datakey.size())));
  char size_buf[24];
  for (const auto& row : file.rows) {
    out += format_time(row.start, fraction_digits);
    out += ',';
    out += format_time(row.stop, fraction_digits);
    out += ',';
    append_csv_field(out, row.datakey);
    out += ',';
    const int n = std::snprintf(size_buf, sizeof size_buf, "%llu", static_cast<unsigned long long>(row.size));
    out.append(size_buf, static_cast<std::size_t>(n));
    for (const auto& extra : row.extras) {
      out += ',';
      append_csv_field(out, extra);
    }
    out += '\n';
  }
  return out;
}

std::string index_file_key(const DatasetLocation& location, std::string_view id, int year) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "_%04d.csv", year);
  return location.folder + "/" + std::string(id) + buf;
}

std::optional<int> index_file_year(const DatasetLocation& location, std::string_view id,
                                   std::string_view key) {
  const std::string prefix = location.folder + "/" + std::string(id) + "_";
  if (!key.starts_with(prefix) || key.size() != prefix.size() + 8 || !key.ends_with(".csv")) {
    return std::nullopt;
  }
  int year = 0;
  for (std::size_t i = prefix.size(); i < prefix.size() + 4; ++i) {
    if (key[i] < '0' || key[i] > '9') return std::nullopt;
    year = (year * 10) + (key[i] - '0');
  }
  return year;
}

}  // namespace heliocloud::registry
