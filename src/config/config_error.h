#pragma once
// Configuration errors name the file, the line, the key path and what is expected:
//   instance/dev.yaml:12: auth.removal_policy: "KEEP" is not one of RETAIN, DESTROY, SNAPSHOT

#include <stdexcept>
#include <string>
#include <vector>

#include "config/config_node.h"

namespace heliocloud::config {

class ConfigError : public std::runtime_error {
 public:
  ConfigError(const SourceMark& mark, const std::string& key_path, const std::string& problem);
  const std::string& key_path() const { return key_path_; }

 private:
  std::string key_path_;
};

// Several problems found in one pass; what() lists them one per line.
class ConfigErrors : public std::runtime_error {
 public:
  explicit ConfigErrors(std::vector<ConfigError> errors);
  const std::vector<ConfigError>& errors() const { return errors_; }

 private:
  std::vector<ConfigError> errors_;
};

}  // namespace heliocloud::config
