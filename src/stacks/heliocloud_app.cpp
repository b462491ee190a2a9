#include "stacks/heliocloud_app.h"

#include "construct/annotations.h"
#include "stacks/auth_stack.h"
#include "stacks/base_stack.h"
#include "stacks/identity_stack.h"
#include "stacks/registry_stack.h"

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
    note = "Using instance configured AWS account " + env.account.value_or("(from credentials)") +
           ", region " + env.region.value_or("(from credentials)") + ".";
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

void buildInstance(construct::App& app, const config::InstanceConfig& config,
                   const construct::Environment& env, const std::filesystem::path& lambdaDir) {
  auto& root = app.make<construct::Construct>(config.name);
  root.addTag("Application ID", config.name);
  auto props = [&](const char* description) { return construct::StackProps{env, description, {}, false}; };

  // Creation order and conditions as in the original app.py.
  auto& base = root.make<BaseStack>("Base", config, props("HelioCloud base: network and shared storage"));
  base.addTag("Product", "heliocloud-base");

  IdentityStack* identity = nullptr;
  if (config.needsIdentity()) {
    identity = &root.make<IdentityStack>("Identity", config, props("HelioCloud e-mail identity for Cognito"));
    identity->addTag("Product", "heliocloud-identity");
  }
  if (config.needsAuth()) {
    auto& auth = root.make<AuthStack>("Auth", config, identity, props("HelioCloud user sign-in (Cognito)"));
    auth.addTag("Product", "heliocloud-auth");
    auth.addDependency(base, "Auth is deployed after Base, as in the original");
    if (identity != nullptr) auth.addDependency(*identity, "the user pool sends mail from the SES identity");
  }
  if (config.enabled.registry) {
    auto& registry =
        root.make<RegistryStack>("Registry", config, LambdaPackages::in(lambdaDir),
                                 props("HelioCloud data Registry: buckets, dataset table, services"));
    registry.addTag("Product", "heliocloud-registry");
  }

  // Warnings sit on Base, the one stack that always exists, so `cdk synth` shows them.
  auto notYet = [&](bool enabled, const char* module) {
    if (enabled)
      construct::annotations::addWarning(
          base, std::string("enabled.") + module +
                    " is true, but this installer has no stack for it yet; it is not deployed");
  };
  notYet(config.enabled.portal, "portal");
  notYet(config.enabled.daskhub, "daskhub");
  notYet(config.enabled.registrationPage, "registration_page");
}

}  // namespace heliocloud::stacks
