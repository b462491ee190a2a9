#pragma once
// Loads instance/<name>.yaml over instance/default.yaml into a validated InstanceConfig. All problems of the
// files are collected and thrown together as ConfigErrors, each naming file, line and key path.

#include <string>
#include <vector>

#include "config/instance_config.h"

namespace heliocloud::config {

// Instance names available in `instanceDir` (every *.yaml but default.yaml), sorted.
std::vector<std::string> listInstances(const std::string& instanceDir);

InstanceConfig loadInstance(const std::string& instanceDir, const std::string& name);

}  // namespace heliocloud::config
