#include "config/config_error.h"

namespace heliocloud::config {
namespace {

std::string format(const SourceMark& mark, const std::string& keyPath, const std::string& problem) {
  std::string where = mark.file;
  if (mark.line > 0) where += ":" + std::to_string(mark.line);
  return where + ": " + (keyPath.empty() ? "" : keyPath + ": ") + problem;
}

std::string joinLines(const std::vector<ConfigError>& errors) {
  std::string out;
  for (const auto& e : errors) out += (out.empty() ? "" : "\n") + std::string(e.what());
  return out;
}

}  // namespace

ConfigError::ConfigError(const SourceMark& mark, const std::string& keyPath, const std::string& problem)
    : std::runtime_error(format(mark, keyPath, problem)), keyPath_(keyPath) {}

ConfigErrors::ConfigErrors(std::vector<ConfigError> errors)
    : std::runtime_error(joinLines(errors)), errors_(std::move(errors)) {}

}  // namespace heliocloud::config
