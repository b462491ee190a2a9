#include "stacks/auth_stack.h"

#include "construct/cfn_output.h"
#include "stacks/hosted_ui_css.h"
#include "stacks/identity_stack.h"

namespace heliocloud::stacks {
using construct::Value;

namespace {

construct::RemovalPolicy removalPolicy(config::RemovalPolicyName p) {
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

std::string siteUrl(const config::WebsiteConfig& w) {
  return "https://" + *w.domainRecord + "." + *w.domainUrl;
}

}  // namespace

AuthStack::AuthStack(construct::Construct& scope, std::string id, const config::InstanceConfig& config,
                     const IdentityStack* identity, construct::StackProps props)
    : Stack(scope, std::move(id), std::move(props)) {
  aws_constructs::UserPoolProps pool;
  // The original always turned deletion protection on (a string "False" is truthy in Python); ours follows
  // auth.deletion_protection.
  pool.deletionProtection = config.auth.deletionProtection;
  pool.removalPolicy = removalPolicy(config.auth.removalPolicy);
  pool.customAttributes = {{"affiliation", true, 50}, {"access_code", false, 50}};
  if (identity != nullptr)
    pool.email = aws_constructs::SesEmail{
        config.email.fromName + " <" + config.email.user + "@" + identity->emailIdentity().domain() + ">",
        identity->emailIdentity().identityArn()};
  pool_ = &make<aws_constructs::UserPool>("Pool", pool);
  auto& domain = pool_->addDomain("CognitoDomain", config.auth.domainPrefix);
  pool_->addUiCustomization("HostedUICustomization", kHostedUiCss, domain);

  auto addClient = [&](const std::string& site, const std::string& name, const std::string& callback,
                       const std::string& logout) {
    clients_[site] = &pool_->addClient(name, {name, {callback}, {logout}});
    make<construct::CfnOutput>(
        "ClientId" + std::string(1, static_cast<char>(std::toupper(site[0]))) + site.substr(1),
        construct::OutputProps{clients_[site]->ref(), "Cognito app client of the " + site, {}, nullptr});
  };
  if (config.enabled.portal)
    addClient("portal", "heliocloud-portal", siteUrl(config.portal) + "/loggedin",
              siteUrl(config.portal) + "/logout");
  if (config.enabled.registrationPage)
    addClient("registration", "heliocloud-registration-site", siteUrl(config.registrationPage) + "/loggedin",
              siteUrl(config.registrationPage) + "/logout");
  if (config.enabled.daskhub) {
    const auto& hub = config.daskhub.daskhub;
    const std::string url = "https://" + hub.value("domain_record", std::string("daskhub")) + "." +
                            hub.value("domain_url", std::string());
    addClient("daskhub", "heliocloud-daskhub", url + "/hub/oauth_callback", url + "/logout");
    const auto& mon = config.daskhub.monitoring;
    if (config.enabled.daskhubMetrics && mon.is_object() &&
        mon.value("cost_analyzer_domain_prefix", nlohmann::json()).is_string()) {
      const std::string cost = "https://" + mon["cost_analyzer_domain_prefix"].get<std::string>() + "." +
                               hub.value("domain_url", std::string());
      addClient("kubecost", "heliocloud-kubecost", cost + "/model/oidc/authorize", cost + "/logout");
    }
  }

  make<construct::CfnOutput>("UserPoolId",
                             construct::OutputProps{pool_->userPoolId(), "Cognito user pool", {}, nullptr});
  make<construct::CfnOutput>(
      "CognitoDomainPrefix",
      construct::OutputProps{Value(config.auth.domainPrefix), "Hosted sign-in domain prefix", {}, nullptr});
}

const construct::CfnResource* AuthStack::client(const std::string& site) const {
  auto it = clients_.find(site);
  return it == clients_.end() ? nullptr : it->second;
}

}  // namespace heliocloud::stacks
