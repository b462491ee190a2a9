#pragma once
// Amazon Cognito identity pools (cognito-identity, AWS JSON 1.1): a signed-in user's own AWS credentials.
// The User Portal calls AWS as the user, with the identity pool's authenticated role, so IAM itself keeps
// one user off another's machines; the web app's own role never touches them.
#include <string>

#include "aws/client_config.h"
#include "aws/credentials.h"
#include "aws/service_client.h"

namespace heliocloud::aws {

// The Logins map key of a user pool: "cognito-idp.<region>.amazonaws.com/<pool id>".
std::string user_pool_provider_name(const std::string& user_pool_id);

class CognitoIdentityClient {
 public:
  explicit CognitoIdentityClient(ClientConfig config);

  // The identity id of the user whose ID token is `id_token` (issued by `user_pool_id`), created on first
  // use.
  std::string get_id(const std::string& identity_pool_id, const std::string& user_pool_id,
                     const std::string& id_token) const;
  // Temporary credentials of the pool's authenticated role for that identity (about an hour).
  Credentials get_credentials_for_identity(const std::string& identity_id, const std::string& user_pool_id,
                                           const std::string& id_token) const;

  const ServiceClient& service() const noexcept { return client_; }

 private:
  ServiceClient client_;
};

}  // namespace heliocloud::aws
