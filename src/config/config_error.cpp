#include "config/config_error.h"

namespace heliocloud::config {
namespace {

std::string format(const SourceMark& mark, const std::string& key_path, const std::string& problem) {
  std::string where = mark.file;
  if (mark.line > 0) where += ":" + std::to_string(mark.line);
  return where + ": " + (key_path.empty() ? "" : key_path + ": ") + problem;
}

std::string join_lines(const std::vector<ConfigError>& errors) {
  std::string out;
  for (const auto& e : errors) out += (out.empty() ? "" : "\n") + std::string(e.what());
  return out;
}

}  // namespace

ConfigError::ConfigError(const SourceMark& mark, const std::string& key_path, const std::string& problem)
    : std::runtime_error(format(mark, key_path, problem)), key_path_(key_path) {}

ConfigErrors::ConfigErrors(std::vector<ConfigError> errors)
    : std::runtime_error(join_lines(errors)), errors_(std::move(errors)) {}

}  // namespace heliocloud::config
