#pragma once
// Typed access to a merged ConfigNode tree that records every problem instead of stopping at the first.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/config_error.h"
#include "config/config_node.h"

namespace heliocloud::config {

class ConfigReader {
 public:
  // `blame_file` is named for keys that are absent (the instance file is where the operator adds them).
  explicit ConfigReader(std::string blame_file) : blame_file_(std::move(blame_file)) {}

  // The mapping at `path` (null or absent reads as an empty mapping); reports a non-mapping.
  const ConfigNode* section(const ConfigNode* parent, const std::string& key, const std::string& path);
  // Reports keys of `map` not in `known`, suggesting the closest known one.
  void check_known_keys(const ConfigNode* map, const std::string& path,
                        const std::vector<std::string>& known);

  std::optional<std::string> optional_string(const ConfigNode* map, const std::string& key,
                                             const std::string& path);
  std::string string(const ConfigNode* map, const std::string& key, const std::string& path,
                     std::string fallback);
  bool boolean(const ConfigNode* map, const std::string& key, const std::string& path, bool fallback);
  // A whole number in [min, max] (unquoted digits, optionally signed); anything else is reported.
  long long integer(const ConfigNode* map, const std::string& key, const std::string& path,
                    long long fallback, long long min, long long max);
  std::vector<std::string> string_list(const ConfigNode* map, const std::string& key,
                                       const std::string& path);
  // string_list, with `check` (a validators.h function) run on every item; a complaint names the item.
  std::vector<std::string> checked_list(const ConfigNode* map, const std::string& key,
                                        const std::string& path,
                                        const std::function<std::string(const std::string&)>& check);
  // One of `allowed` (compared case-sensitively), else reported; returns the index into `allowed`.
  std::size_t one_of(const ConfigNode* map, const std::string& key, const std::string& path,
                     const std::vector<std::string>& allowed, std::size_t fallback);

  // Runs `check` (a validators.h function) on a present value and reports its complaint.
  void validate(const ConfigNode* map, const std::string& key, const std::string& path,
                const std::function<std::string(const std::string&)>& check);

  void report(const ConfigNode* at, const std::string& path, const std::string& problem);
  void report_absent(const std::string& path, const std::string& problem);
  bool ok() const { return errors_.empty(); }
  std::vector<ConfigError> take_errors() { return std::move(errors_); }

 private:
  std::string blame_file_;
  std::vector<ConfigError> errors_;
};

}  // namespace heliocloud::config
