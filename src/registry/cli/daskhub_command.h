#pragma once
// `heliocloud daskhub <instance> deploy|status|teardown [--step N]`: runs the Daskhub deploy kit on the
// instance's admin host through SSM Run Command (src/daskhub/remote), from the operator's machine.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace heliocloud::registry::cli {

struct DaskhubFlags {
  std::string instance;
  std::string action;
  std::optional<std::string> step;
  std::optional<std::string> region;
  std::string instance_dir;
  int log_lines = 20;
};

CLI::App* add_daskhub_command(CLI::App& app, DaskhubFlags& flags);

// The exit status: 0, or the failed step's own (124 timed out, 130 interrupted). Throws UsageError and
// daskhub::remote::SetupError for what must be fixed first.
int run_daskhub(const DaskhubFlags& flags);

}  // namespace heliocloud::registry::cli
