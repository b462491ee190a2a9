#include "registry/catalog.h"

#include <algorithm>

#include "registry/file_type.h"

namespace heliocloud::registry {

std::string egress_of(bool requester_pays) {
  return requester_pays ? "user-pays" : "free";
}

nlohmann::ordered_json build_catalog(const RegistrySettings& settings, std::vector<DatasetRecord> datasets) {
  std::ranges::sort(datasets, [](const auto& a, const auto& b) { return a.id < b.id; });
  nlohmann::ordered_json doc;
  // A string that float() parses: the client does float(catalog["version"]) (cloudcatalog.md §3.1).
  doc["version"] = "1.1";
  doc["name"] = settings.catalog_name;
  doc["contact"] = settings.catalog_contact;
  if (!settings.catalog_description.empty()) doc["description"] = settings.catalog_description;
  doc["egress"] = egress_of(settings.requester_pays);
  // An object: the client reads status["code"]; the original's "1200/OK" string breaks it (§7 #7).
  doc["status"] = {{"code", 1200}, {"message", "OK"}};
  auto entries = nlohmann::ordered_json::array();
  for (const auto& d : datasets) {
    nlohmann::ordered_json e;
    e["id"] = d.id;
    e["index"] = d.index.uri();
    e["title"] = d.title;
    e["start"] = format_time(d.start, d.fraction_digits);
    e["stop"] = format_time(d.stop, d.fraction_digits);
    e["modification"] = format_time(d.modification, 0);
    e["indextype"] = "csv";
    e["filetype"] = join_file_types(d.file_types);
    for (const auto& [key, value] : d.metadata.items()) {
      if (!value.is_null() && !e.contains(key)) e[key] = value;
    }
    entries.push_back(std::move(e));
  }
  doc["catalog"] = std::move(entries);
  return doc;
}

std::string catalog_body(const nlohmann::ordered_json& catalog) {
  return catalog.dump(2) + "\n";
}

}  // namespace heliocloud::registry
