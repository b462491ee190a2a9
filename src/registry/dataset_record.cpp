#include "registry/dataset_record.h"

#include <algorithm>
#include <stdexcept>

#include "registry/file_type.h"

namespace heliocloud::registry {

DatasetRecord apply_ingest(const std::optional<DatasetRecord>& old, const Entry& entry,
                           const IngestDelta& delta, Instant now) {
  DatasetRecord r;
  r.id = entry.id;
  r.index = entry.index;
  r.title = entry.title;
  r.metadata = entry.metadata;
  r.start = old ? std::min(old->start, delta.start) : delta.start;
  r.stop = old ? std::max(old->stop, delta.stop) : delta.stop;
  r.modification = now;
  std::vector<std::string> types = delta.file_types;
  if (old) types.insert(types.end(), old->file_types.begin(), old->file_types.end());
  std::ranges::sort(types, [](const std::string& a, const std::string& b) {
    return file_type_rank(a) < file_type_rank(b);
  });
  types.erase(std::ranges::unique(types).begin(), types.end());
  r.file_types = std::move(types);
  r.fraction_digits = std::max(old ? old->fraction_digits : 0, delta.fraction_digits);
  r.extra_columns = old ? old->extra_columns : delta.extra_columns;
  return r;
}

nlohmann::ordered_json to_json(const DatasetRecord& r) {
  nlohmann::ordered_json j;
  j["id"] = r.id;
  j["index"] = r.index.uri();
  j["title"] = r.title;
  j["metadata"] = r.metadata;
  j["start"] = format_time(r.start, 9);
  j["stop"] = format_time(r.stop, 9);
  j["modification"] = format_time(r.modification, 9);
  j["file_types"] = r.file_types;
  j["fraction_digits"] = r.fraction_digits;
  j["extra_columns"] = r.extra_columns;
  return j;
}

DatasetRecord record_from_json(const nlohmann::ordered_json& j) {
  const auto field = [&](const char* name) -> const nlohmann::ordered_json& {
    if (!j.contains(name))
      throw std::runtime_error(std::string("stored dataset record has no \"") + name + "\"");
    return j.at(name);
  };
  try {
    DatasetRecord r;
    r.id = field("id").get<std::string>();
    std::string why;
    auto loc = parse_dataset_location(field("index").get<std::string>(), &why);
    if (!loc) throw std::runtime_error("stored dataset record " + r.id + ": index: " + why);
    r.index = std::move(*loc);
    r.title = field("title").get<std::string>();
    r.metadata = field("metadata");
    r.start = parse_time(field("start").get<std::string>());
    r.stop = parse_time(field("stop").get<std::string>());
    r.modification = parse_time(field("modification").get<std::string>());
    r.file_types = field("file_types").get<std::vector<std::string>>();
    r.fraction_digits = field("fraction_digits").get<int>();
    r.extra_columns = field("extra_columns").get<std::vector<std::string>>();
    return r;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("stored dataset record is malformed: ") + e.what());
  }
}

}  // namespace heliocloud::registry
