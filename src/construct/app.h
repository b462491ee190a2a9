#pragma once
// The root of the construct tree: holds the context the CDK CLI passed and synthesizes the cloud assembly.

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "construct/construct.h"
#include "construct/fingerprint_cache.h"

namespace heliocloud::construct {

class Stack;

struct AppOptions {
  std::string outdir = "cdk.out";
  nlohmann::ordered_json context = nlohmann::ordered_json::object();
  // Highest assembly schema major version the CLI reads (CDK_CLI_ASM_VERSION); 0 when not run by the CLI.
  int cli_assembly_major = 0;
  // Where asset fingerprints are remembered between runs (empty: nowhere).
  std::string fingerprint_cache_file;
};

// Reads what the CDK CLI passes to an app: CDK_OUTDIR, CDK_CONTEXT_JSON merged with the file named by
// CONTEXT_OVERFLOW_LOCATION_ENV (used when the context is too large for the environment),
// CDK_CLI_ASM_VERSION.
AppOptions app_options_from_environment();

struct MissingContext {
  std::string key;
  std::string provider;
  nlohmann::ordered_json props;
};

class App : public Construct {
 public:
  explicit App(AppOptions options = {});

  const nlohmann::ordered_json* try_get_context(const std::string& key) const;
  // Context values from `-c` are strings; cdk.json values keep their JSON type.
  std::string context_string(const std::string& key) const;

  bool path_metadata_enabled() const;
  bool asset_metadata_enabled() const;

  void report_missing_context(const std::string& key, const std::string& provider,
                              nlohmann::ordered_json props);
  const std::map<std::string, MissingContext>& missing_context() const { return missing_; }

  std::vector<Stack*> stacks();
  const AppOptions& options() const { return options_; }
  FingerprintCache& fingerprint_cache() { return *fingerprint_cache_; }

  // Writes the cloud assembly to options().outdir.
  void synth();

 private:
  bool context_flag(const std::string& key) const;
  AppOptions options_;
  std::map<std::string, MissingContext> missing_;
  std::unique_ptr<FingerprintCache> fingerprint_cache_;
};

}  // namespace heliocloud::construct
