#pragma once
// Catalog: the catalog.json at the root of one dataset bucket (CloudCatalog 1.1, cloudcatalog.md §3 and
// §8.1-8.3).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "registry/dataset_record.h"
#include "registry/settings.h"

namespace heliocloud::registry {

// The catalog document: version "1.1", name, contact, description, egress, status {1200, OK}, and `catalog`
// sorted by id. Entries: id, index (ending '/'), title, start, stop, modification, indextype "csv", filetype
// (comma-joined), then the optional keys. Unset keys are omitted, never null.
[[nodiscard]] nlohmann::ordered_json build_catalog(const RegistrySettings& settings,
                                                   std::vector<DatasetRecord> datasets);

// The bytes to PUT: the document indented by 2, with a final newline.
[[nodiscard]] std::string catalog_body(const nlohmann::ordered_json& catalog);

// "user-pays" when the bucket is requester-pays, else "free" (spec §3.1 egress keywords).
[[nodiscard]] std::string egress_of(bool requester_pays);

}  // namespace heliocloud::registry
