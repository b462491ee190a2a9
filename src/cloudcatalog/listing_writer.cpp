#include "cloudcatalog/listing_writer.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

namespace heliocloud::cloudcatalog {
namespace {

constexpr std::size_t kFlushBytes = 1 << 16;
constexpr std::size_t kCsvSliceRows = 1024;

// A JSON string as nlohmann::json writes it (its escaping, and its error for text that is not UTF-8). Times
// and keys are nearly always printable ASCII without quote or backslash: that is written as it is, without a
// json value and its dump for every field of every row.
void append_json_string(std::string& out, std::string_view text) {
  const bool plain =
      std::ranges::all_of(text, [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
  if (!plain) {
    out += nlohmann::json(text).dump();
    return;
  }
  out += '"';
  out += text;
  out += '"';
}

}  // namespace

void ListingWriter::index_file(const std::string& uri, const std::vector<std::string>& extra_columns) {
  if (index_files_ == 0) extra_columns_ = extra_columns;
  ++index_files_;
  uri_ = uri;
}

void ListingWriter::out_of_order(const std::string& uri, std::size_t rows) {
  notes_.push_back(uri + ": " + std::to_string(rows) +
                   " rows start before rows of an earlier year file already listed (the index files are not "
                   "in time order); they are listed after them");
}

void ListingWriter::write_header() {
  header_written_ = true;
  if (format_ == ListingFormat::Csv) {
    // The header as format_index_file writes it.
    const std::string text = registry::format_index_file({.extra_columns = extra_columns_, .rows = {}}, 0);
    buffer_ += text;
  } else if (format_ == ListingFormat::Json) {
    buffer_ += '[';
  }
}

void ListingWriter::rows(std::vector<registry::IndexRow>& rows) {
  if (!header_written_) write_header();
  int needed = 0;
  for (const auto& r : rows)
    needed = std::max(
        {needed, registry::fraction_digits_needed(r.start), registry::fraction_digits_needed(r.stop)});
  if (digits_ >= 0 && needed > digits_)
    notes_.push_back(uri_ + ": times need " + std::to_string(needed) +
                     " fraction digits; the rows listed before it were written with " +
                     std::to_string(digits_) + " (the dataset mixes precisions)");
  digits_ = std::max(digits_, needed);
  for (const auto& r : rows) bytes_ += r.size;
  const bool first_rows = row_count_ == 0;
  row_count_ += rows.size();
  switch (format_) {
    case ListingFormat::Csv:
      // format_index_file's rows, without the header it starts with (written once, above), a slice at a
      // time so that the text of a whole year file is never held.
      for (std::size_t at = 0; at < rows.size(); at += kCsvSliceRows) {
        const auto begin = rows.begin() + static_cast<std::ptrdiff_t>(at);
        const auto end =
            rows.begin() + static_cast<std::ptrdiff_t>(std::min(rows.size(), at + kCsvSliceRows));
        registry::IndexFile slice{.extra_columns = {},
                                  .rows = {std::make_move_iterator(begin), std::make_move_iterator(end)}};
        const std::string text = registry::format_index_file(slice, digits_);
        buffer_.append(text, text.find('\n') + 1);
        std::ranges::move(slice.rows, begin);
        flush_if_full();
      }
      break;
    case ListingFormat::Json:
      for (std::size_t i = 0; i < rows.size(); ++i) {
        buffer_ += first_rows && i == 0 ? "\n" : ",\n";
        append_json_row(rows[i]);
        flush_if_full();
      }
      break;
    case ListingFormat::Table:
      for (const auto& r : rows) {
        buffer_ += registry::format_time(r.start, digits_);
        buffer_ += "  ";
        buffer_ += registry::format_time(r.stop, digits_);
        buffer_ += "  ";
        buffer_ += std::to_string(r.size);
        buffer_ += "  ";
        buffer_ += r.datakey;
        buffer_ += '\n';
        flush_if_full();
      }
      break;
  }
  // A year file's rows are out before the next is read: a failure later leaves whole years printed.
  write_buffer();
}

// As nlohmann::ordered_json's dump(2) of the object inside an array: a repeated extra column keeps its first
// place and its last value.
void ListingWriter::append_json_row(const registry::IndexRow& row) {
  buffer_ += "  {\n    \"start\": ";
  append_json_string(buffer_, registry::format_time(row.start, digits_));
  buffer_ += ",\n    \"stop\": ";
  append_json_string(buffer_, registry::format_time(row.stop, digits_));
  buffer_ += ",\n    \"datakey\": ";
  append_json_string(buffer_, row.datakey);
  buffer_ += ",\n    \"filesize\": ";
  buffer_ += std::to_string(row.size);
  const std::size_t n = std::min(row.extras.size(), extra_columns_.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto& name = extra_columns_[i];
    if (std::find(extra_columns_.begin(), extra_columns_.begin() + static_cast<std::ptrdiff_t>(i), name) !=
        extra_columns_.begin() + static_cast<std::ptrdiff_t>(i))
      continue;  // written at its first place
    std::size_t value = i;
    for (std::size_t j = i + 1; j < n; ++j)
      if (extra_columns_[j] == name) value = j;
    buffer_ += ",\n    ";
    append_json_string(buffer_, name);
    buffer_ += ": ";
    append_json_string(buffer_, row.extras[value]);
  }
  buffer_ += "\n  }";
}

void ListingWriter::flush_if_full() {
  if (buffer_.size() >= kFlushBytes) write_buffer();
}

void ListingWriter::write_buffer() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

void ListingWriter::finish() {
  if (!header_written_) write_header();
  if (format_ == ListingFormat::Json) buffer_ += row_count_ == 0 ? "]\n" : "\n]\n";
  write_buffer();
  out_.flush();
}

}  // namespace heliocloud::cloudcatalog
