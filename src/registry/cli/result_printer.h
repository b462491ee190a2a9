#pragma once
// Prints the ingest and catalog results for people (or as JSON), from the JSON the services produce: the same
// printing whether the service ran in this process (--local) or in the deployed Lambda function.
#include <nlohmann/json.hpp>
#include <ostream>

namespace heliocloud::registry::cli {

// {"ok", "problems", "datasets": [{"id", "files_added", "bytes", "years", "error"?}]}. Returns result["ok"].
bool print_ingest_result(const nlohmann::ordered_json& result, bool as_json, std::ostream& out);

// {"ok", "problems", "buckets": [{"endpoint", "datasets", "error"?}]}. Returns result["ok"].
bool print_catalog_result(const nlohmann::ordered_json& result, bool as_json, std::ostream& out);

}  // namespace heliocloud::registry::cli
