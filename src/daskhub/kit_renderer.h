#pragma once
// Renders the embedded Daskhub deploy kit for one instance and writes it into a directory. Files ending in
// ".mustache" are templates (the suffix is dropped); every other file is copied as it is. Files under
// monitoring/ and 04-deploy-monitoring.sh exist only when enabled.daskhub_metrics is on, so the operator
// cannot run a monitoring step the stack has no Cognito client for.
#include <filesystem>
#include <kainjow/mustache.hpp>
#include <string>
#include <vector>

#include "config/instance_config.h"

namespace heliocloud::daskhub {

struct KitFile {
  std::string path;         // relative, '/'-separated, e.g. "eksctl/cluster-config.yaml"
  std::string content;      // rendered bytes
  bool executable = false;  // scripts (*.sh): written 0700; all other files 0600
};

// The rendered kit, sorted by path; the same config always gives the same bytes. Throws std::runtime_error
// naming the template when one does not parse, and std::invalid_argument as build_view does.
[[nodiscard]] std::vector<KitFile> render_kit(const config::InstanceConfig& config);

// Renders one template of the kit (`path` names it in errors) with a view from build_view.
[[nodiscard]] std::string render_template(std::string_view path, std::string_view text,
                                          const kainjow::mustache::data& view);

// Writes `files` under `out_dir` (created when missing) with modes 0700 (scripts) and 0600 (the rest): the
// kit is the operator's alone. An existing file is replaced. Throws std::filesystem::filesystem_error.
void write_kit(const std::vector<KitFile>& files, const std::filesystem::path& out_dir);

}  // namespace heliocloud::daskhub
