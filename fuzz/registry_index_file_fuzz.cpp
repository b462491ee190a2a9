// Index files already in a dataset bucket (ours or the original platform's): reading refuses only with
// IndexFormatError "name:line: what", and parse -> format -> parse is stable, so merging never changes rows.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "fuzz_support.h"
#include "registry/index_file.h"

using heliocloud::fuzz::require;
namespace registry = heliocloud::registry;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::optional<registry::IndexFile> file;
  heliocloud::fuzz::refused_with<registry::IndexFormatError>(
      [&] { file = registry::parse_index_file(heliocloud::fuzz::as_text(data, size), "fuzz_2020.csv"); });
  if (!file) return 0;
  for (const auto& row : file->rows)
    require(row.extras.size() == file->extra_columns.size(), "one extra value per extra column");
  // Nine digits keep every instant exactly.
  const auto written = registry::format_index_file(*file, 9);
  registry::IndexFile reread;
  try {
    reread = registry::parse_index_file(written, "rewritten_2020.csv");
  } catch (const registry::IndexFormatError& e) {
    heliocloud::fuzz::fail("what format_index_file writes reads back",
                           std::string(e.what()) + "\n" + written);
  }
  require(reread.extra_columns == file->extra_columns && reread.rows == file->rows,
          "format then parse gives the same rows", written);
  require(registry::format_index_file(reread, 9) == written, "formatting is stable", written);
  return 0;
}
