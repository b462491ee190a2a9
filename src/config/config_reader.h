#pragma once
// Typed access to a merged ConfigNode tree that records every problem instead of stopping at the first.

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "config/config_error.h"
#include "config/config_node.h"

namespace heliocloud::config {

class ConfigReader {
 public:
  // `blameFile` is named for keys that are absent (the instance file is where the operator adds them).
  explicit ConfigReader(std::string blameFile) : blameFile_(std::move(blameFile)) {}

  // The mapping at `path` (null or absent reads as an empty mapping); reports a non-mapping.
  const ConfigNode* section(const ConfigNode* parent, const std::string& key, const std::string& path);
  // Reports keys of `map` not in `known`, suggesting the closest known one.
  void checkKnownKeys(const ConfigNode* map, const std::string& path, const std::vector<std::string>& known);

  std::optional<std::string> optionalString(const ConfigNode* map, const std::string& key,
                                            const std::string& path);
  std::string string(const ConfigNode* map, const std::string& key, const std::string& path,
                     std::string fallback);
  bool boolean(const ConfigNode* map, const std::string& key, const std::string& path, bool fallback);
  std::vector<std::string> stringList(const ConfigNode* map, const std::string& key, const std::string& path);
  // One of `allowed` (compared case-sensitively), else reported; returns the index into `allowed`.
  std::size_t oneOf(const ConfigNode* map, const std::string& key, const std::string& path,
                    const std::vector<std::string>& allowed, std::size_t fallback);
  nlohmann::json asJson(const ConfigNode* node) const;

  // Runs `check` (a validators.h function) on a present value and reports its complaint.
  void validate(const ConfigNode* map, const std::string& key, const std::string& path,
                const std::function<std::string(const std::string&)>& check);

  void report(const ConfigNode* at, const std::string& path, const std::string& problem);
  void reportAbsent(const std::string& path, const std::string& problem);
  bool ok() const { return errors_.empty(); }
  std::vector<ConfigError> takeErrors() { return std::move(errors_); }

 private:
  std::string blameFile_;
  std::vector<ConfigError> errors_;
};

}  // namespace heliocloud::config
