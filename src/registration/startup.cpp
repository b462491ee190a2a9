#include "registration/startup.h"

#include "aws/cognito_idp.h"
#include "registration/registration_site.h"
#include "registration/settings.h"
#include "web/app_startup.h"

namespace heliocloud::registration {
namespace {

int serve_registration(const Settings& s, const web::StartContext& context, const web::Serve& serve) {
  const aws::CognitoIdpClient cognito(context.aws);
  aws::PasswordPolicy policy;
  try {
    policy = cognito.describe_user_pool(s.user_pool_id).password_policy;
  } catch (const std::exception& e) {
    throw web::StartError("cannot read the password policy of user pool " + s.user_pool_id + ": " + e.what());
  }
  CognitoUserDirectory directory(cognito, s.user_pool_id);
  const RegistrationSite site(directory, policy,
                              {.csrf_key = context.session_key, .secure_cookies = context.secure_cookies});
  return serve(site.app());
}

}  // namespace

int run_registration(std::span<const char* const> args, const char* runtime_api) {
  return web::run_web_app<Settings>(args, runtime_api, usage(), settings_from_environment,
                                    settings_from_command_line, serve_registration);
}

}  // namespace heliocloud::registration
