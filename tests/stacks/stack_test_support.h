#pragma once
// Synthesizes an instance built in C++ (a typed InstanceConfig, no YAML) in memory (no cloud assembly on
// disk), and gives its stacks and their templates.

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "config/instance_config.h"
#include "construct/app.h"
#include "construct/stack.h"
#include "template_assertions.h"

using heliocloud::testing::Template;

// An instance with default.yaml's defaults, named `name`.
heliocloud::config::InstanceConfig instance(const std::string& name);

struct SynthesizedInstance {
  std::unique_ptr<heliocloud::construct::App> app;
  std::map<std::string, Template> templates;  // by stack path, e.g. "t/Registry"
  std::map<std::string, heliocloud::construct::Stack*> stacks;

  bool has_stack(const std::string& path) const { return templates.count(path) == 1; }
  const Template& stack(const std::string& path) const;
  heliocloud::construct::Stack& stack_construct(const std::string& path) const;
  // The Base template (every instance has one).
  const Template& base() const;
  // Every aws:cdk:warning in the app, one per line.
  std::string warnings() const;
};

// `context`: what the CDK CLI would pass (lookup results).
SynthesizedInstance synth(const heliocloud::config::InstanceConfig& config,
                          const nlohmann::json& context = nlohmann::json::object());

// The CDK CLI's answer to the hosted-zone lookup of example.org (Z0123), for stacks with a domain.
nlohmann::json example_org_zone();

// Every statement of every identity policy in the template (inline and managed).
std::vector<nlohmann::json> policy_statements(const Template& t);
