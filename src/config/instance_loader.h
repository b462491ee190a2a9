#pragma once
// Loads instance/<name>.yaml over instance/default.yaml into a validated InstanceConfig. All problems of the
// files are collected and thrown together as ConfigErrors, each naming file, line and key path.

#include <string>
#include <vector>

#include "config/instance_config.h"

namespace heliocloud::config {

// Instance names available in `instanceDir` (every *.yaml but default.yaml), sorted.
std::vector<std::string> list_instances(const std::string& instance_dir);

InstanceConfig load_instance(const std::string& instance_dir, const std::string& name);

}  // namespace heliocloud::config
