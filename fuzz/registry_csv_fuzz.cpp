// The RFC 4180 reader behind manifests and index files: it refuses only with CsvError, always advances, and
// what append_csv_field writes reads back as the same fields.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "registry/csv.h"

using heliocloud::fuzz::require;
namespace registry = heliocloud::registry;

namespace {

std::vector<std::vector<std::string>> read_all(std::string_view text, bool* clean) {
  std::vector<std::vector<std::string>> records;
  registry::CsvReader reader(text);
  registry::CsvRecord record;
  // Each call consumes at least one line, so a text of n bytes yields at most n + 1 calls.
  for (std::size_t calls = 0; calls <= text.size() + 1; ++calls) {
    try {
      if (!reader.next(record)) return records;
      records.push_back(record.fields);
    } catch (const registry::CsvError& e) {
      require(!std::string_view(e.what()).empty() && e.line() >= 1, "a CSV error names its line");
      *clean = false;
    }
  }
  heliocloud::fuzz::fail("the CSV reader does not advance");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  bool clean = true;
  const auto records = read_all(heliocloud::fuzz::as_text(data, size), &clean);
  std::string written;
  std::vector<std::vector<std::string>> expected;
  for (const auto& fields : records) {
    // A record of one empty field is a blank line, which the reader skips by design.
    if (fields.size() == 1 && fields[0].empty()) continue;
    expected.push_back(fields);
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) written += ',';
      registry::append_csv_field(written, fields[i]);
    }
    written += '\n';
  }
  // The reader drops one byte order mark at the start of the text; a first field that begins with one needs
  // its own in front.
  if (written.starts_with("\xEF\xBB\xBF")) written.insert(0, "\xEF\xBB\xBF");
  bool reread_clean = true;
  const auto reread = read_all(written, &reread_clean);
  require(reread_clean, "what the writer writes reads without errors", written);
  require(reread == expected, "write then read gives the same fields", written);
  return 0;
}
