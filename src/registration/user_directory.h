#pragma once
// Where registered people become users: the four steps a registration takes in the user pool, each one
// AWS call. An interface, so that tests can make any step fail after the ones before it really happened.
#include <string>
#include <vector>

#include "aws/cognito_idp.h"

namespace heliocloud::registration {

struct NewUser {
  std::string username;
  std::string email;
  std::string affiliation;
};

class UserDirectory {
 public:
  virtual ~UserDirectory() = default;
  // A new user with no invitation message and a password nobody knows (Cognito makes one up).
  virtual void create_user(const NewUser& user) = 0;
  // The password the person chose, as a permanent one (a temporary one would expire after the pool's
  // TemporaryPasswordValidityDays, 7 by default, long before an administrator approves some accounts).
  virtual void set_password(const std::string& username, const std::string& password) = 0;
  virtual void disable_user(const std::string& username) = 0;
  virtual void delete_user(const std::string& username) = 0;
};

// The user pool through the Cognito client.
class CognitoUserDirectory final : public UserDirectory {
 public:
  // `cognito` must outlive this directory.
  CognitoUserDirectory(const aws::CognitoIdpClient& cognito, std::string user_pool_id);

  void create_user(const NewUser& user) override;
  void set_password(const std::string& username, const std::string& password) override;
  void disable_user(const std::string& username) override;
  void delete_user(const std::string& username) override;

 private:
  const aws::CognitoIdpClient& cognito_;
  std::string user_pool_id_;
};

// The attributes a registration gives the new user. email_verified is "false": nobody has verified the
// address (the original marked it verified, and account recovery trusts verified addresses: webapps doc
// §9.19); the administrator who approves the account can verify it.
[[nodiscard]] std::vector<aws::UserAttribute> new_user_attributes(const NewUser& user);

}  // namespace heliocloud::registration
