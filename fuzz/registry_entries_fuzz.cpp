// entries.json from a data provider: parsing never throws, an entry is accepted exactly when it has no
// problems, an accepted entry's location is well formed and reads back from its own URI, and its metadata
// holds no nulls.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "registry/entry.h"

using heliocloud::fuzz::require;
namespace registry = heliocloud::registry;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file =
      registry::parse_entries(heliocloud::fuzz::as_text(data, size), "fuzz/entries.json", {"helio-public"});
  require(file.ok() == file.all_problems().empty(), "ok() agrees with the problems");
  for (const auto& problem : file.all_problems())
    require(!problem.where.empty() && !problem.message.empty(), "a problem says where and what");
  for (const auto& parsed : file.entries) {
    require(parsed.entry.has_value() == parsed.problems.empty(), "accepted exactly when without problems");
    require(!parsed.label().empty(), "every entry has a label for messages");
    if (!parsed.entry) continue;
    const auto& entry = *parsed.entry;
    require(!entry.id.empty(), "an accepted entry has an id");
    const auto& folder = entry.index.folder;
    require(!folder.empty() && folder.front() != '/' && folder.back() != '/', "the folder is trimmed",
            folder);
    std::string error;
    const auto again = registry::parse_dataset_location(entry.index.uri(), &error);
    require(again.has_value() && *again == entry.index, "a location reads back from its URI", error);
    for (const auto& item : entry.metadata.items())
      require(!item.value().is_null(), "metadata never holds null", item.key());
  }
  return 0;
}
