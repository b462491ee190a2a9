#include "portal/approvals.h"

#include "aws/errors.h"
#include "web/http_error.h"

namespace heliocloud::portal {

void require_admin(const web::sign_in::SignedInUser& user) {
  if (!user.in_group(kAdminsGroup))
    throw web::HttpError(403, "Registration approvals are for administrators (the group " +
                                  std::string(kAdminsGroup) + ") only.");
}

Approvals::Approvals(const aws::CognitoIdpClient& cognito, std::string user_pool_id)
    : cognito_(cognito), user_pool_id_(std::move(user_pool_id)) {}

std::vector<aws::CognitoUser> Approvals::waiting() const {
  return cognito_.list_users(user_pool_id_, "status = \"Disabled\"");
}

void Approvals::require_waiting(const std::string& username) const {
  bool waiting = false;
  try {
    waiting = !username.empty() && !cognito_.admin_get_user(user_pool_id_, username).enabled;
  } catch (const aws::NotFoundError&) {
    waiting = false;
  }
  if (!waiting) throw web::HttpError(404, "No registration of " + username + " is waiting for approval.");
}

void Approvals::approve(const std::string& username) const {
  require_waiting(username);
  cognito_.admin_enable_user(user_pool_id_, username);
}

void Approvals::reject(const std::string& username) const {
  require_waiting(username);
  cognito_.admin_delete_user(user_pool_id_, username);
}

}  // namespace heliocloud::portal
