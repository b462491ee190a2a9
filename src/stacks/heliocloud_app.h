#pragma once
// Composes a HelioCloud instance: the stacks the configuration enables, their dependencies and tags, under
// one root construct named after the instance (so stacks are "<instance>/Base", ... as in the original).

#include <filesystem>

#include "config/instance_config.h"
#include "construct/app.h"
#include "construct/stack.h"

namespace heliocloud::stacks {

// Account and region for the stacks: from the instance file, else what the CDK CLI found
// (CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION), else none (environment-agnostic). `note` says which, for
// stderr.
construct::Environment resolve_environment(const config::InstanceConfig& config, const char* cli_account,
                                           const char* cli_region, std::string& note);

// `lambda_dir` holds the built Lambda packages (registry/, custom-resource/), needed when the Registry is
// enabled.
void build_instance(construct::App& app, const config::InstanceConfig& config,
                    const construct::Environment& env, const std::filesystem::path& lambda_dir);

}  // namespace heliocloud::stacks
