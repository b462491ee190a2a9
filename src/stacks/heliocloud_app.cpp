#include "stacks/heliocloud_app.h"

#include "aws_constructs/custom_resource_provider.h"
#include "contracts/custom_resources.h"
#include "contracts/portal.h"
#include "contracts/registration_page.h"
#include "contracts/registry_functions.h"
#include "contracts/stack_names.h"
#include "stacks/auth_stack.h"
#include "stacks/base_stack.h"
#include "stacks/daskhub_stack.h"
#include "stacks/identity_stack.h"
#include "stacks/portal_stack.h"
#include "stacks/registration_page_stack.h"
#include "stacks/registry_stack.h"

namespace heliocloud::stacks {

construct::Environment resolve_environment(const config::InstanceConfig& config, const char* cli_account,
                                           const char* cli_region, std::string& note) {
  auto given = [](const char* v) { return v != nullptr && *v != '\0'; };
  construct::Environment env;
  if (config.env.account || config.env.region) {
    env.account = config.env.account;
    env.region = config.env.region;
    if (!env.account && given(cli_account)) env.account = cli_account;
    if (!env.region && given(cli_region)) env.region = cli_region;
    note = "Using instance configured AWS account " + env.account.value_or("(from credentials)") +
           ", region " + env.region.value_or("(from credentials)") + ".";
  } else {
    if (given(cli_account)) env.account = cli_account;
    if (given(cli_region)) env.region = cli_region;
    if (env.account || env.region)
      note = "Using AWS CLI provided AWS account " + env.account.value_or("(unknown)") + ", region " +
             env.region.value_or("(unknown)") + ".";
    else
      note = "No AWS account or region configured or provided: synthesizing environment-agnostic stacks.";
  }
  return env;
}

void build_instance(construct::App& app, const config::InstanceConfig& config,
                    const construct::Environment& env, const std::filesystem::path& lambda_dir) {
  namespace ids = contracts::stacks;
  auto& root = app.make<construct::Construct>(config.name);
  root.add_tag("Application ID", config.name);
  // Every stack that needs the custom-resource provider (a bucket with auto_delete_objects) builds it from
  // here.
  aws_constructs::CustomResourceProvider::use_package(root,
                                                      lambda_dir / contracts::custom_resources::kPackage);
  auto props = [&](const char* description) {
    return construct::StackProps{.env = env, .description = description};
  };

  // Creation order and conditions as in the original app.py.
  auto& base = root.make<BaseStack>(std::string(ids::kBase), config,
                                    props("HelioCloud base: network and shared storage"));
  base.add_tag("Product", "heliocloud-base");

  IdentityStack* identity = nullptr;
  if (config.needs_identity()) {
    identity = &root.make<IdentityStack>(std::string(ids::kIdentity), config,
                                         props("HelioCloud e-mail identity for Cognito"));
    identity->add_tag("Product", "heliocloud-identity");
  }
  AuthStack* auth = nullptr;
  if (config.needs_auth()) {
    auth = &root.make<AuthStack>(std::string(ids::kAuth), config, identity,
                                 props("HelioCloud user sign-in (Cognito)"));
    auth->add_tag("Product", "heliocloud-auth");
    auth->add_dependency(base, "Auth is deployed after Base, as in the original");
    if (identity != nullptr)
      auth->add_dependency(*identity, "the user pool sends mail from the SES identity");
  }
  if (config.enabled.portal) {
    auto& portal = root.make<PortalStack>(
        std::string(ids::kPortal), config, base, *auth, lambda_dir / contracts::portal::kPackage,
        props("HelioCloud user portal: users' own machines, keys and costs"));
    portal.add_tag("Product", "heliocloud-portal");
  }
  if (config.enabled.daskhub) {
    auto& daskhub = root.make<DaskhubStack>(std::string(ids::kDaskhub), config, base, *auth,
                                            props("Daskhub for a HelioCloud instance."));
    daskhub.add_tag("Product", "heliocloud-daskhub-admin");
    daskhub.add_dependency(base, "the admin host runs in the Base VPC, as in the original");
    daskhub.add_dependency(*auth, "the hub signs users in with the Auth stack's client, as in the original");
  }
  if (config.enabled.registration_page) {
    auto& page = root.make<RegistrationPageStack>(std::string(ids::kRegistrationPage), config, base, *auth,
                                                  lambda_dir / contracts::registration_page::kPackage,
                                                  props("HelioCloud self-registration site"));
    page.add_tag("Product", "heliocloud-registration-page");
  }
  if (config.enabled.registry) {
    auto& registry = root.make<RegistryStack>(
        std::string(ids::kRegistry), config, lambda_dir / contracts::registry::kPackage,
        props("HelioCloud data Registry: buckets, dataset table, services"));
    registry.add_tag("Product", "heliocloud-registry");
  }
}

}  // namespace heliocloud::stacks
