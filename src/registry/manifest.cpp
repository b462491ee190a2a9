#include "registry/manifest.h"

#include <optional>
#include <unordered_map>

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

struct Columns {
  std::optional<std::size_t> start, stop, key, size;
  std::vector<std::size_t> extras;
  std::vector<std::string> extra_names;
  std::size_t width = 0;
};

// Header names: leading '#' and spaces dropped, case-insensitive.
std::string header_name(std::string_view raw) {
  auto s = base::trim(raw, base::kBlanks);
  while (!s.empty() && s.front() == '#') s = base::trim(s.substr(1), base::kBlanks);
  return base::to_lower(s);
}

class ManifestParser {
 public:
  ManifestParser(std::string_view text, std::string_view file) : text_(text), file_(file) {}

  ManifestParse run() {
    CsvReader reader(text_);
    CsvRecord record;
    bool have_header = false;
    while (true) {
      try {
        if (!reader.next(record)) break;
      } catch (const CsvError& e) {
        problem(e.line(), e.what(), "quote a field as \"...\" and write a quote inside it as \"\"");
        if (!have_header) return std::move(out_);
        continue;
      }
      if (!text::is_valid_utf8(join(record.fields))) {
        problem(record.line, "the line is not valid UTF-8", "save the manifest as UTF-8");
        if (!have_header) return std::move(out_);
        continue;
      }
      if (!have_header) {
        have_header = true;
        if (!read_header(record)) return std::move(out_);
        continue;
      }
      read_row(record);
    }
    if (!have_header)
      problem(1, "the manifest is empty", std::string(kHeaderHint) + ", then one row per file");
    else if (out_.manifest.rows.empty() && out_.problems.empty()) {
      problem(1, "the manifest lists no files", "add one row per data file after the header");
    }
    return std::move(out_);
  }

 private:
  static std::string join(const std::vector<std::string>& fields) {
    std::string all;
    for (const auto& f : fields) all += f;
    return all;
  }

  void problem(std::size_t line, std::string message, std::string fix) {
    out_.problems.push_back(
        {std::string(file_) + ":" + std::to_string(line), std::move(message), std::move(fix)});
  }

  bool read_header(const CsvRecord& record) {
    auto& c = columns_;
    c.width = record.fields.size();
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      const auto name = header_name(record.fields[i]);
      const auto assign = [&](std::optional<std::size_t>& slot) {
        if (slot) {
          problem(
              record.line,
              "column \"" + name + "\" repeats what column " + std::to_string(*slot + 1) + " already gives",
              "keep one of them");
        }
        slot = i;
      };
      if (name == "start" || name == "time")
        assign(c.start);
      else if (name == "stop")
        assign(c.stop);
      else if (name == "datakey" || name == "key" || name == "s3key")
        assign(c.key);
      else if (name == "filesize" || name == "size")
        assign(c.size);
      else if (name.empty())
        problem(record.line, "column " + std::to_string(i + 1) + " has no name",
                "name every column in the header");
      else if (name.find_first_of(",\"") != std::string::npos)
        problem(record.line, "column name \"" + name + "\" contains a comma or quote", "rename the column");
      else {
        c.extras.push_back(i);
        // Extra names keep their case: they become the index header's column names.
        auto original = base::trim(record.fields[i], base::kBlanks);
        while (!original.empty() && original.front() == '#')
          original = base::trim(original.substr(1), base::kBlanks);
        c.extra_names.emplace_back(original);
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
    out_.manifest.extra_columns = c.extra_names;
    return out_.problems.empty();
  }

  void read_row(const CsvRecord& record) {
    const auto& c = columns_;
    const auto& f = record.fields;
    if (f.size() == 1 && base::trim(f[0], base::kBlanks).empty()) return;  // a line of spaces
    if (f.size() != c.width) {
      problem(record.line,
              "the row has " + std::to_string(f.size()) + " fields, the header " + std::to_string(c.width),
              "give every row one value per header column; quote a value that contains a comma");
      return;
    }
    ManifestRow row;
    row.line = record.line;
    row.key = std::string(base::trim(f[*c.key], base::kBlanks));
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
      row.start = parse_time(base::trim(f[*c.start], base::kBlanks));
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
    const auto size_text = base::trim(f[*c.size], base::kBlanks);
    if (const auto size = text::parse_size(size_text)) {
      row.size = *size;
    } else {
      problem(record.line, who + "size \"" + text::printable(size_text) + "\" is not a whole number of bytes",
              "write the file size in bytes, e.g. 4641642");
      ok = false;
    }
    for (const auto i : c.extras) row.extras.push_back(f[i]);
    if (ok) {
      // Two keys that normalize to the same published key would overwrite each other (x.fts, x.fits).
      const auto [it, inserted] = seen_.emplace(row.published_key, Seen{record.line, row.key});
      if (!inserted) {
        problem(record.line,
                who + "same file as line " + std::to_string(it->second.line) +
                    (it->second.key == row.key ? "" : " (both publish as " + row.published_key + ")"),
                "list each file once");
        return;
      }
      out_.manifest.rows.push_back(std::move(row));
    }
  }

  std::string_view text_;
  std::string_view file_;
  Columns columns_;
  ManifestParse out_;
  struct Seen {
    std::size_t line;
    std::string key;
  };
  std::unordered_map<std::string, Seen> seen_;  // published key -> first row
};

}  // namespace

ManifestParse parse_manifest(std::string_view text, std::string_view file_name) {
  return ManifestParser(text, file_name).run();
}

}  // namespace heliocloud::registry
