#pragma once
// `heliocloud registry import <instance>` (the deployed instance's buckets and dataset table) and
// `heliocloud registry import --local [<instance>]` (buckets under --root or on --endpoint, records in
// SQLite): the take-over of what the original platform published (registry/import/import_service.h). A dry
// run unless
// --apply; --prune-backups deletes (with --apply) or lists the backups earlier imports kept.
#include <nlohmann/json.hpp>
#include <ostream>

#include "registry/cli/deployed.h"
#include "registry/cli/local_commands.h"

namespace heliocloud::registry::cli {

struct ImportFlags {
  bool apply = false;
  bool prune_backups = false;
};

int import_local(const LocalOptions& options, const ImportFlags& flags);
int import_deployed(const std::string& instance, const DeployedOptions& options, const ImportFlags& flags);

// The result for people (or as JSON); true when it is ok.
bool print_import_result(const nlohmann::ordered_json& result, bool json, std::ostream& out);

}  // namespace heliocloud::registry::cli
