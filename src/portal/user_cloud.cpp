#include "portal/user_cloud.h"

#include "aws/cognito_identity.h"

namespace heliocloud::portal {

UserCloud::UserCloud(aws::ClientConfig base, IdentityPool pool, const web::sign_in::SignedInUser& user,
                     CredentialsCache& cache)
    : base_(std::move(base)),
      pool_(std::move(pool)),
      owner_(user.username),
      id_token_(user.id_token),
      cache_(cache) {}

aws::ClientConfig UserCloud::as_user() {
  if (!credentials_) {
    auto credentials = cache_.find(owner_);
    if (!credentials) {
      const aws::CognitoIdentityClient identity(base_);
      const std::string identity_id = identity.get_id(pool_.identity_pool_id, pool_.user_pool_id, id_token_);
      credentials = identity.get_credentials_for_identity(identity_id, pool_.user_pool_id, id_token_);
      cache_.keep(owner_, *credentials);
    }
    credentials_ = std::make_shared<aws::StaticCredentialsProvider>(std::move(*credentials));
  }
  aws::ClientConfig config = base_;
  config.credentials = credentials_;
  return config;
}

const aws::Ec2Client& UserCloud::ec2() {
  if (!ec2_) ec2_.emplace(as_user());
  return *ec2_;
}

const aws::CostExplorerClient& UserCloud::cost_explorer() {
  // With the function's credentials, filtered by this user's Owner tag: Cost Explorer has no resource-level
  // permissions, so a user role allowed to call it could read everyone's costs.
  if (!cost_explorer_) cost_explorer_.emplace(base_);
  return *cost_explorer_;
}

const aws::IamClient& UserCloud::iam() {
  if (!iam_) iam_.emplace(as_user());
  return *iam_;
}

aws::StsClient UserCloud::sts_with_key(aws::Credentials long_term_key) const {
  aws::ClientConfig config = base_;
  config.credentials = std::make_shared<aws::StaticCredentialsProvider>(std::move(long_term_key));
  return aws::StsClient(std::move(config));
}

}  // namespace heliocloud::portal
