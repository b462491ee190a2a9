#pragma once
// Synthesizes a test instance (written over the repository's default.yaml) and reads the assembly back.

#include <map>
#include <nlohmann/json.hpp>
#include <string>

struct Synthesized {
  nlohmann::json manifest;
  std::map<std::string, nlohmann::json> templates;  // by stack display name, e.g. "t/Registry"
  nlohmann::json base;                              // the Base template
  const nlohmann::json& stack(const std::string& displayName) const;
};

Synthesized synth(const std::string& name, const std::string& yaml,
                  nlohmann::json context = nlohmann::json::object());

std::size_t countType(const nlohmann::json& tpl, const std::string& type);
const nlohmann::json& firstOfType(const nlohmann::json& tpl, const std::string& type);
// Every resource of `type`, by logical id.
std::map<std::string, nlohmann::json> ofType(const nlohmann::json& tpl, const std::string& type);
