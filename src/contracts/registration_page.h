#pragma once
// The contract between the Registration Page stack and the function it deploys (heliocloud-registration on
// Lambda behind the load balancer). Both sides use these names, so a rename is one edit.
#include <string_view>

namespace heliocloud::contracts::registration_page {

// build/lambda/<kPackage>: the Lambda package of heliocloud-registration (bootstrap + bundled libraries).
inline constexpr std::string_view kPackage = "registration";

// The function's environment. `V` is a template value on the stack's side and the variable's text on the
// function's side; for_each_variable visits every field with its variable name, in one order for both sides.
template <class V>
struct FunctionEnvironment {
  V user_pool_id;            // the instance's Cognito user pool, where new users are created disabled
  V session_key_secret_arn;  // Secrets Manager secret whose value keys the CSRF tokens (>= 32 bytes)

  template <class Self, class Visit>
  static void for_each_variable(Self& self, Visit&& visit) {
    visit(std::string_view("USER_POOL_ID"), self.user_pool_id);
    visit(std::string_view("SESSION_KEY_SECRET_ARN"), self.session_key_secret_arn);
  }
};

// Outputs of the Registration Page stack.
namespace outputs {
inline constexpr std::string_view kUrl = "RegistrationPageUrl";
inline constexpr std::string_view kFunctionName = "RegistrationFunctionName";
}  // namespace outputs

}  // namespace heliocloud::contracts::registration_page
