#include "registry/manifest.h"

#include <optional>
#include <utility>

#include "base/text.h"
#include "registry/csv.h"
#include "registry/file_type.h"
#include "registry/key.h"
#include "registry/text.h"

namespace heliocloud::registry {

namespace {

constexpr std::string_view kHeaderHint =
    "the first line must name the columns, e.g. \"# start, stop, datakey, filesize\" or \"#time, s3key, "
    "filesize\"";

// Header names: leading '#' and spaces dropped, case-insensitive.
std::string header_name(std::string_view raw) {
  auto s = base::trim(raw, base::kBlanks);
  while (!s.empty() && s.front() == '#') s = base::trim(s.substr(1), base::kBlanks);
  return base::to_lower(s);
}

}  // namespace

ManifestReader::ManifestReader(CsvStream::Source source, std::string file_name, const DuplicateKeys* suspects)
    : csv_(std::move(source)), file_(std::move(file_name)), suspects_(suspects) {}

bool ManifestReader::next(ManifestRow& row) {
  CsvRecord record;
  while (next_row_record(record)) {
    if (read_row(record, row)) {
      ++rows_;
      return true;
    }
  }
  return false;
}

std::size_t ManifestReader::skip(std::size_t count) {
  CsvRecord record;
  std::size_t skipped = 0;
  while (skipped < count && next_row_record(record)) {
    ++skipped;
    ++rows_;
  }
  return skipped;
}

bool ManifestReader::next_row_record(CsvRecord& record) {
  while (!ended_) {
    if (!next_record(record)) {
      if (ended_) break;  // a header that could not be read
      ended_ = true;
      if (!have_header_)
        problem(1, "the manifest is empty", std::string(kHeaderHint) + ", then one row per file");
      else if (header_ok_ && rows_ == 0 && problems_.empty())
        problem(1, "the manifest lists no files", "add one row per data file after the header");
      break;
    }
    if (!have_header_) {
      have_header_ = true;
      header_ok_ = read_header(record);
      if (!header_ok_) ended_ = true;
      continue;
    }
    if (!is_blank(record)) return true;
  }
  return false;
}

Problems ManifestReader::take_problems() {
  end_problem_list(problems_, std::exchange(unlisted_, 0), file_);
  return std::exchange(problems_, {});
}

bool ManifestReader::next_record(CsvRecord& record) {
  while (true) {
    try {
      if (!csv_.next(record)) return false;
    } catch (const CsvError& e) {
      problem(e.line(), e.what(), "quote a field as \"...\" and write a quote inside it as \"\"");
      if (!have_header_) {
        ended_ = true;
        return false;
      }
      continue;
    }
    if (!text::is_valid_utf8(joined(record.fields))) {
      problem(record.line, "the line is not valid UTF-8", "save the manifest as UTF-8");
      if (!have_header_) {
        ended_ = true;
        return false;
      }
      continue;
    }
    return true;
  }
}

std::string ManifestReader::joined(const std::vector<std::string>& fields) {
  std::string all;
  for (const auto& f : fields) all += f;
  return all;
}

// A line of spaces.
bool ManifestReader::is_blank(const CsvRecord& record) {
  return record.fields.size() == 1 && base::trim(record.fields[0], base::kBlanks).empty();
}

void ManifestReader::problem(std::size_t line, std::string message, std::string fix) {
  add_problem(
      problems_, unlisted_,
      {.where = file_ + ":" + std::to_string(line), .message = std::move(message), .fix = std::move(fix)});
}

bool ManifestReader::read_header(const CsvRecord& record) {
  auto& c = columns_;
  const auto problems_before = problems_.size() + unlisted_;
  c.width = record.fields.size();
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    const auto name = header_name(record.fields[i]);
    const auto assign = [&](std::optional<std::size_t>& slot) {
      if (slot) {
        problem(record.line,
                "column \"" + name + "\" repeats what column " + std::to_string(*slot + 1) + " already gives",
                "keep one of them");
      }
      slot = i;
    };
    if (name == "start" || name == "time") {
      assign(c.start);
    } else if (name == "stop") {
      assign(c.stop);
    } else if (name == "datakey" || name == "key" || name == "s3key") {
      assign(c.key);
    } else if (name == "filesize" || name == "size") {
      assign(c.size);
    } else if (name.empty()) {
      problem(record.line, "column " + std::to_string(i + 1) + " has no name",
              "name every column in the header");
    } else if (name.find_first_of(",\"") != std::string::npos) {
      problem(record.line, "column name \"" + name + "\" contains a comma or quote", "rename the column");
    } else {
      c.extras.push_back(i);
      // Extra names keep their case: they become the index header's column names.
      auto original = base::trim(record.fields[i], base::kBlanks);
      while (!original.empty() && original.front() == '#')
        original = base::trim(original.substr(1), base::kBlanks);
      extra_columns_.emplace_back(original);
    }
  }
  std::string missing;
  if (!c.start) missing += " start (or time)";
  if (!c.key) missing += " datakey (or key, s3key)";
  if (!c.size) missing += " filesize";
  if (!missing.empty()) {
    problem(record.line, "the header has no column for:" + missing, std::string(kHeaderHint));
    return false;
  }
  return problems_.size() + unlisted_ == problems_before;
}

bool ManifestReader::read_row(const CsvRecord& record, ManifestRow& row) {
  const auto& c = columns_;
  const auto& f = record.fields;
  if (f.size() != c.width) {
    problem(record.line,
            "the row has " + std::to_string(f.size()) + " fields, the header " + std::to_string(c.width),
            "give every row one value per header column; quote a value that contains a comma");
    return false;
  }
  row = {};
  row.line = record.line;
  row.key = std::string(base::trim(f[c.key.value()], base::kBlanks));
  const std::string who = row.key.empty() ? std::string() : text::printable(row.key) + ": ";
  bool ok = true;
  if (auto why = key_problem(row.key)) {
    problem(record.line, who + *why, "use a relative path such as \"mms1/2015/09/x.cdf\"");
    ok = false;
  } else if (const auto ext = extension_of(row.key); !ext) {
    problem(record.line, who + "the file has no extension", known_extensions_hint());
    ok = false;
  } else if (const auto type = canonical_file_type(*ext); !type) {
    problem(record.line, who + "unknown file extension \"." + std::string(*ext) + "\"",
            known_extensions_hint());
    ok = false;
  } else {
    row.file_type = std::string(*type);
    row.published_key = normalize_key_extension(row.key);
  }
  try {
    row.start = parse_time(base::trim(f[c.start.value()], base::kBlanks));
    row.stop = c.stop ? parse_time(base::trim(f[*c.stop], base::kBlanks)) : row.start;
    if (row.stop < row.start) {
      problem(record.line,
              who + "stop " + format_time(row.stop, 9) + " is before start " + format_time(row.start, 9),
              "swap the two times or correct one of them");
      ok = false;
    }
  } catch (const TimeError& e) {
    problem(record.line, who + e.what(), "write times as ISO 8601, e.g. 2015-09-01T12:11:14Z");
    ok = false;
  }
  const auto size_text = base::trim(f[c.size.value()], base::kBlanks);
  if (const auto size = text::parse_size(size_text)) {
    row.size = *size;
  } else {
    problem(record.line, who + "size \"" + text::printable(size_text) + "\" is not a whole number of bytes",
            "write the file size in bytes, e.g. 4641642");
    ok = false;
  }
  for (const auto i : c.extras) row.extras.push_back(f[i]);
  if (!ok) return false;
  if (suspects_ != nullptr && suspects_->suspect(row.published_key)) {
    // Two keys that normalize to the same published key would overwrite each other (x.fts, x.fits).
    const auto [it, inserted] = seen_.emplace(row.published_key, Seen{.line = record.line, .key = row.key});
    if (!inserted) {
      problem(record.line,
              who + "same file as line " + std::to_string(it->second.line) +
                  (it->second.key == row.key ? "" : " (both publish as " + row.published_key + ")"),
              "list each file once");
      return false;
    }
  }
  return true;
}

namespace {

// The whole text as one piece, for parse_manifest.
CsvStream::Source whole(std::string_view text) {
  return [text, given = false]() mutable -> std::optional<std::string> {
    if (std::exchange(given, true)) return std::nullopt;
    return std::string(text);
  };
}

}  // namespace

ManifestParse parse_manifest(std::string_view text, std::string_view file_name) {
  ManifestParse out;
  DuplicateKeys keys;
  ManifestRow row;
  {
    ManifestReader reader(whole(text), std::string(file_name));
    while (reader.next(row)) {
      keys.add(row.published_key);
      out.manifest.rows.push_back(std::move(row));
    }
    out.manifest.extra_columns = reader.extra_columns();
    out.problems = reader.take_problems();
  }
  if (!keys.find_suspects()) return out;
  // Rows whose keys' hashes meet: read again comparing those keys, which reports every problem again, the
  // duplicates among them, in line order.
  ManifestReader again(whole(text), std::string(file_name), &keys);
  out.manifest.rows.clear();
  while (again.next(row)) out.manifest.rows.push_back(std::move(row));
  out.problems = again.take_problems();
  return out;
}

}  // namespace heliocloud::registry
