#include "registration/user_directory.h"

namespace heliocloud::registration {

std::vector<aws::UserAttribute> new_user_attributes(const NewUser& user) {
  return {{.name = "email", .value = user.email},
          {.name = "email_verified", .value = "false"},
          {.name = "custom:affiliation", .value = user.affiliation}};
}

CognitoUserDirectory::CognitoUserDirectory(const aws::CognitoIdpClient& cognito, std::string user_pool_id)
    : cognito_(cognito), user_pool_id_(std::move(user_pool_id)) {}

void CognitoUserDirectory::create_user(const NewUser& user) {
  cognito_.admin_create_user({.user_pool_id = user_pool_id_,
                              .username = user.username,
                              .attributes = new_user_attributes(user),
                              .message_action = "SUPPRESS"});
}

void CognitoUserDirectory::set_password(const std::string& username, const std::string& password) {
  cognito_.admin_set_user_password(user_pool_id_, username, password, true);
}

void CognitoUserDirectory::disable_user(const std::string& username) {
  cognito_.admin_disable_user(user_pool_id_, username);
}

void CognitoUserDirectory::delete_user(const std::string& username) {
  cognito_.admin_delete_user(user_pool_id_, username);
}

}  // namespace heliocloud::registration
