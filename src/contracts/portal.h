#pragma once
// The contract between the Portal stack and the function it deploys (heliocloud-portal on Lambda behind the
// load balancer). Both sides use these names, so a rename is one edit.
#include <string_view>

namespace heliocloud::contracts::portal {

// build/lambda/<kPackage>: the Lambda package of heliocloud-portal (bootstrap + bundled libraries).
inline constexpr std::string_view kPackage = "portal";

// The tag that says whose a machine, volume or key pair is: the Cognito user name. The authenticated role's
// policy conditions and the portal's own checks both read it.
inline constexpr std::string_view kOwnerTag = "Owner";

// The sign-in callback below SITE_URL that the Portal's app client must list as a callback URL (the
// original's path, webapps doc §A2.2); after sign-out the pool sends the browser to SITE_URL + "/".
inline constexpr std::string_view kCallbackPath = "/loggedin";

// The function's environment. `V` is a template value on the stack's side and the variable's text on the
// function's side; for_each_variable visits every field with its variable name, in one order for both sides.
template <class V>
struct FunctionEnvironment {
  V user_pool_id;                // the instance's Cognito user pool
  V user_pool_client_id;         // the portal's app client (its secret is read with DescribeUserPoolClient)
  V cognito_domain;              // https://<prefix>.auth.<region>.amazoncognito.com
  V identity_pool_id;            // gives each signed-in user their own AWS credentials
  V site_url;                    // https://<domain_record>.<domain_url>, the OAuth redirect base
  V session_key_secret_arn;      // Secrets Manager secret keying the session and CSRF cookies (>= 32 bytes)
  V instance_security_group_id;  // the security group of the users' machines
  V instance_profile_arn;        // the instance profile of the users' machines (Base S3 policy)
  V instance_subnet_ids;         // comma-separated public subnets the machines launch into
  V dataset_buckets;             // comma-separated Registry dataset buckets (the datasets page)

  template <class Self, class Visit>
  static void for_each_variable(Self& self, Visit&& visit) {
    visit(std::string_view("USER_POOL_ID"), self.user_pool_id);
    visit(std::string_view("USER_POOL_CLIENT_ID"), self.user_pool_client_id);
    visit(std::string_view("COGNITO_DOMAIN"), self.cognito_domain);
    visit(std::string_view("IDENTITY_POOL_ID"), self.identity_pool_id);
    visit(std::string_view("SITE_URL"), self.site_url);
    visit(std::string_view("SESSION_KEY_SECRET_ARN"), self.session_key_secret_arn);
    visit(std::string_view("INSTANCE_SECURITY_GROUP_ID"), self.instance_security_group_id);
    visit(std::string_view("INSTANCE_PROFILE_ARN"), self.instance_profile_arn);
    visit(std::string_view("INSTANCE_SUBNET_IDS"), self.instance_subnet_ids);
    visit(std::string_view("DATASET_BUCKETS"), self.dataset_buckets);
  }
};

// Outputs of the Portal stack.
namespace outputs {
inline constexpr std::string_view kUrl = "PortalUrl";
inline constexpr std::string_view kFunctionName = "PortalFunctionName";
inline constexpr std::string_view kIdentityPoolId = "IdentityPoolId";
}  // namespace outputs

}  // namespace heliocloud::contracts::portal
