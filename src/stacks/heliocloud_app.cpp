#include "stacks/heliocloud_app.h"

#include "construct/annotations.h"
#include "stacks/base_stack.h"

namespace heliocloud::stacks {

construct::Environment resolveEnvironment(const config::InstanceConfig& config, const char* cliAccount,
                                          const char* cliRegion, std::string& note) {
  auto given = [](const char* v) { return v != nullptr && *v != '\0'; };
  construct::Environment env;
  if (config.env.account || config.env.region) {
    env.account = config.env.account;
    env.region = config.env.region;
    if (!env.account && given(cliAccount)) env.account = cliAccount;
    if (!env.region && given(cliRegion)) env.region = cliRegion;
    note = "Using instance configured AWS account " + env.account.value_or("(from credentials)") + ", region " +
           env.region.value_or("(from credentials)") + ".";
  } else {
    if (given(cliAccount)) env.account = cliAccount;
    if (given(cliRegion)) env.region = cliRegion;
    if (env.account || env.region)
      note = "Using AWS CLI provided AWS account " + env.account.value_or("(unknown)") + ", region " +
             env.region.value_or("(unknown)") + ".";
    else
      note = "No AWS account or region configured or provided: synthesizing environment-agnostic stacks.";
  }
  return env;
}

void buildInstance(construct::App& app, const config::InstanceConfig& config, const construct::Environment& env) {
  auto& root = app.make<construct::Construct>(config.name);
  root.addTag("Application ID", config.name);

  auto& base = root.make<BaseStack>("Base", config, construct::StackProps{env, "HelioCloud base: network and shared storage", {}, false});
  base.addTag("Product", "heliocloud-base");

  // Warnings sit on Base, the one stack that always exists, so `cdk synth` shows them.
  // Modules whose stacks this build does not contain yet are reported, not silently dropped.
  auto notYet = [&](bool enabled, const char* module) {
    if (enabled)
      construct::annotations::addWarning(
          base, std::string("enabled.") + module + " is true, but this installer has no stack for it yet; it is not deployed");
  };
  notYet(config.enabled.registry, "registry");
  notYet(config.enabled.portal, "portal");
  notYet(config.enabled.daskhub, "daskhub");
  notYet(config.enabled.registrationPage, "registration_page");
  for (const auto& key : config.registry.ignoredKeys)
    construct::annotations::addWarning(
        base, key + " configured the original's DocumentDB or Python layers; this Registry has neither, so it is ignored");
}

}  // namespace heliocloud::stacks
