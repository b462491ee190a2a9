#include "portal/startup.h"

#include "aws/cognito_idp.h"
#include "contracts/portal.h"
#include "portal/portal_site.h"
#include "portal/settings.h"
#include "web/app_startup.h"

namespace heliocloud::portal {
namespace {

// The app client's secret: given locally, else from Cognito (DescribeUserPoolClient), so it is in no template
// and no environment variable.
std::string client_secret(const Settings& s, const aws::ClientConfig& config) {
  if (s.client_secret) return *s.client_secret;
  std::string secret;
  try {
    secret =
        aws::CognitoIdpClient(config).describe_user_pool_client(s.user_pool_id, s.client_id).client_secret;
  } catch (const std::exception& e) {
    throw web::StartError("cannot read the secret of app client " + s.client_id + ": " + e.what());
  }
  if (secret.empty()) throw web::StartError("app client " + s.client_id + " has no secret");
  return secret;
}

int serve_portal(const Settings& s, const web::StartContext& context, const web::Serve& serve) {
  PortalOptions options{
      .csrf_key = context.session_key,
      .secure_cookies = context.secure_cookies,
      .aws = context.aws,
      .identity = {.identity_pool_id = s.identity_pool_id, .user_pool_id = s.user_pool_id},
      .launch_target = s.launch_target,
      .sign_in = {.issuer = s.issuer.empty() ? "https://cognito-idp." + context.aws.region +
                                                   ".amazonaws.com/" + s.user_pool_id
                                             : s.issuer,
                  .domain = s.cognito_domain,
                  .client_id = s.client_id,
                  .client_secret = client_secret(s, context.aws),
                  .redirect_uri = s.site_url + std::string(contracts::portal::kCallbackPath),
                  .logout_uri = s.site_url + "/"},
  };
  if (!s.instance_types.empty()) options.catalog.instance_types = s.instance_types;
  if (!s.images.empty()) options.catalog.images = s.images;
  options.dataset_buckets = s.dataset_buckets;
  const PortalSite site(std::move(options));
  return serve(site.app());
}

}  // namespace

int run_portal(std::span<const char* const> args, const char* runtime_api) {
  return web::run_web_app<Settings>(args, runtime_api, usage(), settings_from_environment,
                                    settings_from_command_line, serve_portal);
}

}  // namespace heliocloud::portal
