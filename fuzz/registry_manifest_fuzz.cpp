// manifest.csv from a data provider: parsing never throws (every fault is a Problem naming where and what),
// accepted rows are consistent, and every accepted time writes and reads back unchanged.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "registry/manifest.h"
#include "registry/time.h"

using heliocloud::fuzz::require;
namespace registry = heliocloud::registry;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parsed = registry::parse_manifest(heliocloud::fuzz::as_text(data, size), "fuzz/manifest.csv");
  for (const auto& problem : parsed.problems)
    require(!problem.where.empty() && !problem.message.empty(), "a problem says where and what");
  std::size_t previous_line = 0;
  for (const auto& row : parsed.manifest.rows) {
    require(row.line > previous_line, "rows keep file order");
    previous_line = row.line;
    require(row.start <= row.stop, "an accepted row starts before it stops", row.key);
    require(!row.key.empty() && !row.published_key.empty() && !row.file_type.empty(),
            "an accepted row has a key and a file type");
    require(row.extras.size() == parsed.manifest.extra_columns.size(), "one extra value per extra column");
    for (const auto& t : {row.start, row.stop}) {
      const auto written = registry::format_time(t, 9);
      require(registry::parse_time(written) == t, "format_time then parse_time is the same instant", written);
    }
  }
  return 0;
}
