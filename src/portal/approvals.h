#pragma once
// Registration approvals: a registration leaves a disabled user in the pool (the Registration page's
// all-or-nothing step), and an administrator, a member of the pool's group `admins`, enables or deletes it.
// These calls use the function's credentials (the users' role has no rights on the pool). Approve and
// reject act only on a user that is disabled now, so "reject" can never delete an active account.
#include <string>
#include <string_view>
#include <vector>

#include "aws/cognito_idp.h"
#include "web/sign_in/signed_in_user.h"

namespace heliocloud::portal {

inline constexpr std::string_view kAdminsGroup = "admins";

// HttpError 403 unless `user` is in kAdminsGroup (from the verified id token's cognito:groups).
void require_admin(const web::sign_in::SignedInUser& user);

class Approvals {
 public:
  Approvals(const aws::CognitoIdpClient& cognito, std::string user_pool_id);

  // The users waiting for a decision: the pool's disabled users.
  [[nodiscard]] std::vector<aws::CognitoUser> waiting() const;
  // HttpError 404 when `username` is not waiting (no such user, or enabled already).
  void approve(const std::string& username) const;
  void reject(const std::string& username) const;

 private:
  void require_waiting(const std::string& username) const;

  const aws::CognitoIdpClient& cognito_;
  std::string user_pool_id_;
};

}  // namespace heliocloud::portal
