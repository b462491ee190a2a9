#include "stacks/auth_stack.h"

#include "construct/cfn_output.h"
#include "contracts/portal.h"
#include "stacks/hosted_ui_css.h"
#include "stacks/identity_stack.h"

namespace heliocloud::stacks {
using construct::Value;

namespace {

construct::RemovalPolicy removal_policy(config::RemovalPolicyName p) {
  switch (p) {
    case config::RemovalPolicyName::Destroy:
      return construct::RemovalPolicy::Destroy;
    case config::RemovalPolicyName::Snapshot:
      return construct::RemovalPolicy::Snapshot;
    case config::RemovalPolicyName::Retain:
      break;
  }
  return construct::RemovalPolicy::Retain;
}

std::string site_url(const config::WebsiteConfig& w) {
  return "https://" + w.domain_record.value() + "." + w.domain_url.value();
}

}  // namespace

AuthStack::AuthStack(construct::Construct& scope, std::string id, const config::InstanceConfig& config,
                     const IdentityStack* identity, construct::StackProps props)
    : Stack(scope, std::move(id), std::move(props)) {
  aws_constructs::UserPoolProps pool{
      // The original always turned deletion protection on (a string "False" is truthy in Python); ours
      // follows
      // auth.deletion_protection.
      .deletion_protection = config.auth.deletion_protection,
      .removal_policy = removal_policy(config.auth.removal_policy),
      .custom_attributes = {{.name = "affiliation", .is_mutable = true, .max_length = 50},
                            {.name = "access_code", .is_mutable = false, .max_length = 50}}};
  if (identity != nullptr)
    pool.email = aws_constructs::SesEmail{.from = config.email.from_name + " <" + config.email.user + "@" +
                                                  identity->email_identity().domain() + ">",
                                          .source_arn = identity->email_identity().identity_arn()};
  pool_ = &make<aws_constructs::UserPool>("Pool", pool);
  auto& domain = pool_->add_domain("CognitoDomain", config.auth.domain_prefix);
  pool_->add_ui_customization("HostedUICustomization", kHostedUiCss, domain);

  auto add_client = [&](const std::string& site, const std::string& name, const std::string& callback,
                        std::vector<std::string> logout) {
    clients_[site] = &pool_->add_client(
        name, {.client_name = name, .callback_urls = {callback}, .logout_urls = std::move(logout)});
    make<construct::CfnOutput>(
        "ClientId" + std::string(1, static_cast<char>(std::toupper(site[0]))) + site.substr(1),
        construct::OutputProps{.value = clients_[site]->user_pool_client_id(),
                               .description = "Cognito app client of the " + site});
  };
  if (config.enabled.portal)
    add_client("portal", "heliocloud-portal",
               site_url(config.portal) + std::string(contracts::portal::kCallbackPath),
               // The original's /logout, and the site itself, where our portal lands after signing out.
               {site_url(config.portal) + "/logout", site_url(config.portal) + "/"});
  // No client for the registration page: nobody signs in there (the original made one and never used it).
  if (config.enabled.daskhub) {
    const auto& hub = config.daskhub.hub;
    const std::string url = "https://" + hub.host_name();
    add_client("daskhub", "heliocloud-daskhub", url + "/hub/oauth_callback", {url + "/logout"});
    if (config.enabled.daskhub_metrics) {
      const std::string cost =
          "https://" + config.daskhub.monitoring.cost_analyzer_domain_prefix + "." + hub.domain_url;
      add_client("kubecost", "heliocloud-kubecost", cost + "/model/oidc/authorize", {cost + "/logout"});
    }
  }

  make<construct::CfnOutput>("UserPoolId", construct::OutputProps{.value = pool_->user_pool_id(),
                                                                  .description = "Cognito user pool"});
  make<construct::CfnOutput>("CognitoDomainPrefix",
                             construct::OutputProps{.value = Value(config.auth.domain_prefix),
                                                    .description = "Hosted sign-in domain prefix"});
}

const aws_constructs::UserPoolClient* AuthStack::client(const std::string& site) const {
  auto it = clients_.find(site);
  return it == clients_.end() ? nullptr : it->second;
}

}  // namespace heliocloud::stacks
