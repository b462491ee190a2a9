#pragma once
// AWS as the signed-in user: the identity pool turns the user's id token into credentials of its
// authenticated role (GetId, then GetCredentialsForIdentity), so whatever the portal does to machines and key
// pairs it does as that user, never with the function's own role (webapps doc §A2.4). Made only when a
// request needs AWS, and kept for the next requests in the site's CredentialsCache until shortly before they
// expire; the credentials are never logged or shown. Costs are the exception:
// Cost Explorer has no resource-level permissions, so the function reads them, for this user's Owner tag
// only.
#include <memory>
#include <optional>
#include <string>

#include "aws/client_config.h"
#include "aws/cost_explorer.h"
#include "aws/ec2.h"
#include "aws/iam.h"
#include "aws/sts.h"
#include "portal/credentials_cache.h"
#include "web/sign_in/signed_in_user.h"

namespace heliocloud::portal {

struct IdentityPool {
  std::string identity_pool_id;  // <region>:<uuid>
  std::string user_pool_id;      // the pool whose id tokens it accepts
};

class UserCloud {
 public:
  // `base`: region, endpoint, HTTP client; its credentials (the function's) are used for the two Cognito
  // Identity calls and Cost Explorer. `cache` outlives this object.
  UserCloud(aws::ClientConfig base, IdentityPool pool, const web::sign_in::SignedInUser& user,
            CredentialsCache& cache);

  [[nodiscard]] const std::string& owner() const noexcept { return owner_; }
  [[nodiscard]] const aws::Ec2Client& ec2();
  [[nodiscard]] const aws::CostExplorerClient& cost_explorer();
  // The IAM user named like the signed-in user: the identity-pool role may manage only that user's keys
  // and MFA devices.
  [[nodiscard]] const aws::IamClient& iam();
  // STS signed with one of the user's own long-term access keys, as the original did: GetSessionToken
  // refuses session credentials such as the identity pool's, so only the IAM user's key can ask for them.
  [[nodiscard]] aws::StsClient sts_with_key(aws::Credentials long_term_key) const;

 private:
  aws::ClientConfig as_user();

  aws::ClientConfig base_;
  IdentityPool pool_;
  std::string owner_;
  std::string id_token_;
  CredentialsCache& cache_;
  std::shared_ptr<aws::CredentialsProvider> credentials_;
  std::optional<aws::Ec2Client> ec2_;
  std::optional<aws::CostExplorerClient> cost_explorer_;
  std::optional<aws::IamClient> iam_;
};

}  // namespace heliocloud::portal
